package uk.signpost.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Query parameters of an API request, read with their rules. Every bad value is collected
 * so one 400 answer names them all.
 */
final class ApiParameters {

	private static final Map<String, String> DAYS = Map.of("mo", "monday", "tu", "tuesday", "we", "wednesday", "th",
			"thursday", "fr", "friday", "sa", "saturday", "su", "sunday");

	/** The most records one page may ask for. */
	static final int MAX_PER_PAGE = 100;

	static final int DEFAULT_PER_PAGE = 50;

	/**
	 * The deepest page: far beyond any directory, and low enough that page times per_page
	 * stays a whole number Java can count (page 2,147,483,647 of 50 overflowed).
	 */
	static final int MAX_PAGE = 1_000_000;

	/** The years a date-time may name: four digits, as RFC 3339 writes them. */
	private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

	/**
	 * Control characters (NUL and the like) and halves of a surrogate pair mean nothing
	 * in a parameter; left in, they would reach answers and break their JSON.
	 */
	private static final java.util.regex.Pattern MEANINGLESS = java.util.regex.Pattern.compile("\\p{Cc}|\\p{Cs}");

	private final Map<String, String> values;

	private final List<String> problems = new ArrayList<>();

	ApiParameters(Map<String, String> values) {
		this.values = values;
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	String text(String name) {
		String value = this.values.get(name);
		if (value == null) {
			return null;
		}
		value = clean(value);
		return value.isBlank() ? null : value.strip();
	}

	/** The text with control characters and lone surrogate halves made spaces. */
	static String clean(String text) {
		return text == null ? null : MEANINGLESS.matcher(text).replaceAll(" ");
	}

	int integer(String name, int fallback, int minimum, int maximum) {
		Integer value = optionalInteger(name, minimum, maximum);
		return value == null ? fallback : value;
	}

	Integer optionalInteger(String name, int minimum, int maximum) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			int value = Integer.parseInt(text);
			if (value < minimum || value > maximum) {
				this.problems.add(name + " must be from " + minimum + " to " + maximum + ", not " + value);
				return null;
			}
			return value;
		}
		catch (NumberFormatException ex) {
			this.problems.add(name + " must be a whole number, not \"" + text + "\"");
			return null;
		}
	}

	boolean bool(String name) {
		String text = text(name);
		if (text == null) {
			return false;
		}
		if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
			this.problems.add(name + " must be true or false, not \"" + text + "\"");
		}
		return text.equalsIgnoreCase("true");
	}

	/** A date-time (2026-01-31T09:00:00Z) or a date, read as its start in UTC. */
	Instant instant(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			Instant instant = text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
					: Instant.parse(text);
			if (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST)) {
				return instant;
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		this.problems.add(name + " must be a date-time such as 2026-01-31T09:00:00Z, not \"" + text + "\"");
		return null;
	}

	/** A day as ORUK's byday writes it (MO) or in full (monday). */
	String day(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		String lower = text.toLowerCase(Locale.UK);
		if (DAYS.containsKey(lower)) {
			return DAYS.get(lower);
		}
		if (DAYS.containsValue(lower)) {
			return lower;
		}
		this.problems.add(name + " must be a day such as MO or monday, not \"" + text + "\"");
		return null;
	}

	/** A time of day (09:30 or 09:30:00), as minutes since midnight. */
	Integer minuteOfDay(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			return LocalTime.parse(text).toSecondOfDay() / 60;
		}
		catch (DateTimeParseException ex) {
			this.problems.add(name + " must be a time such as 09:30, not \"" + text + "\"");
			return null;
		}
	}

	/** A positive number, such as a distance in metres. */
	Double positive(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		try {
			double value = Double.parseDouble(text);
			if (value > 0 && Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		this.problems.add(name + " must be a number above 0, not \"" + text + "\"");
		return null;
	}

	int page() {
		return integer("page", 1, 1, MAX_PAGE);
	}

	int perPage() {
		return integer("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
	}

	void problem(String problem) {
		this.problems.add(problem);
	}

	void failIfInvalid() {
		if (!this.problems.isEmpty()) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, String.join("; ", this.problems));
		}
	}

}
