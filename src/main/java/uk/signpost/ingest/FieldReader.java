package uk.signpost.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import uk.signpost.directory.Validity;

/**
 * Reads and checks one field of a JSON record. A value of the wrong type, out of range or
 * too long is an error (the record is skipped); a value that can be safely dropped (an
 * odd e-mail address, a link that is not http or https, coordinates off the globe) is a
 * warning and the field is left empty.
 */
final class FieldReader {

	private static final ZoneId UK = Validity.UK;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private static final Pattern BARE_DOMAIN = Pattern.compile("^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(/\\S*)?$");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

	private final String recordId;

	private final List<Problem> problems;

	FieldReader(String recordId, List<Problem> problems) {
		this.recordId = recordId;
		this.problems = problems;
	}

	List<Problem> problems() {
		return this.problems;
	}

	String recordId() {
		return this.recordId;
	}

	void error(String path, String reason) {
		this.problems.add(Problem.error(this.recordId, path, reason));
	}

	void warning(String path, String reason) {
		this.problems.add(Problem.warning(this.recordId, path, reason));
	}

	/** Reads every field into the row, under the field's own name. */
	void readAll(JsonNode node, String path, List<Field> fields, Row row) {
		for (Field field : fields) {
			row.put(field.name(), read(node, path, field));
		}
	}

	Object read(JsonNode node, String path, Field field) {
		JsonNode value = node.get(field.name());
		String at = path + "." + field.name();
		if (value == null || value.isNull()) {
			return null;
		}
		return switch (field.kind()) {
			case TEXT -> text(value, at, field.maxLength());
			case URL -> url(value, at);
			case EMAIL -> email(value, at);
			case INTEGER -> integer(value, at);
			case DECIMAL -> decimal(value, at);
			case LATITUDE -> coordinate(value, at, 90);
			case LONGITUDE -> coordinate(value, at, 180);
			case DATE -> date(value, at);
			case TIME -> time(value, at);
			case DATE_TIME -> dateTime(value, at);
			case ENUM -> oneOf(value, at, field.allowed());
		};
	}

	String text(JsonNode value, String at, int maxLength) {
		if (value.isContainer()) {
			error(at, "expected text but found " + (value.isArray() ? "a list" : "an object"));
			return null;
		}
		String raw = value.asString();
		String cleaned = clean(raw);
		if (cleaned != raw) {
			warning(at, "control characters or broken Unicode removed");
		}
		String text = cleaned.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > maxLength) {
			error(at, "text is " + text.length() + " characters long; the most allowed is " + maxLength);
			return null;
		}
		return text;
	}

	/**
	 * Only http and https links are kept: a javascript: or data: link in a feed must
	 * never reach a page.
	 */
	String url(JsonNode value, String at) {
		String text = text(value, at, Field.URL_LENGTH);
		if (text == null) {
			return null;
		}
		if (BARE_DOMAIN.matcher(text).matches()) {
			warning(at, "link '" + text + "' has no scheme; read as https://" + text);
			text = "https://" + text;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return text;
			}
		}
		catch (Exception ex) {
			// reported below
		}
		warning(at, "'" + abbreviate(text) + "' is not an http or https link; left out");
		return null;
	}

	String email(JsonNode value, String at) {
		String text = text(value, at, Field.SHORT);
		if (text != null && !EMAIL.matcher(text).matches()) {
			warning(at, "'" + abbreviate(text) + "' is not an e-mail address; left out");
			return null;
		}
		return text;
	}

	Integer integer(JsonNode value, String at) {
		if (value.isIntegralNumber() && value.canConvertToInt()) {
			return value.intValue();
		}
		if (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0) {
			BigDecimal number = value.decimalValue();
			if (number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
				return number.intValueExact();
			}
			error(at, "the number " + abbreviate(number.toString()) + " is too large");
			return null;
		}
		if (value.isString() && WHOLE_NUMBER.matcher(value.asString().strip()).matches()) {
			return Integer.valueOf(value.asString().strip());
		}
		error(at, "expected a whole number but found " + describe(value));
		return null;
	}

	BigDecimal decimal(JsonNode value, String at) {
		BigDecimal number = null;
		if (value.isNumber() && !(value.isDouble() && !Double.isFinite(value.doubleValue()))) {
			number = value.decimalValue();
		}
		else if (value.isString()) {
			try {
				number = new BigDecimal(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		if (number == null) {
			error(at, "expected a number but found " + describe(value));
			return null;
		}
		// The columns keep two decimal places and ten digits before them (NUMERIC(12,
		// 2)).
		if (number.abs().compareTo(MAX_DECIMAL) >= 0) {
			error(at, "the number " + abbreviate(number.toString()) + " is too large");
			return null;
		}
		return number.setScale(2, RoundingMode.HALF_UP);
	}

	Double coordinate(JsonNode value, String at, int limit) {
		Double number = null;
		if (value.isNumber()) {
			number = value.doubleValue();
		}
		else if (value.isString()) {
			try {
				number = Double.valueOf(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		if (number == null || number.isNaN() || number.isInfinite()) {
			error(at, "expected a coordinate in decimal degrees but found " + describe(value));
			return null;
		}
		if (Math.abs(number) > limit) {
			warning(at, number + " is outside -" + limit + " to " + limit + " degrees; the location is kept "
					+ "without coordinates");
			return null;
		}
		return number;
	}

	LocalDate date(JsonNode value, String at) {
		String text = text(value, at, 40);
		if (text == null) {
			return null;
		}
		try {
			return inRange(LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text),
					at);
		}
		catch (DateTimeParseException ex) {
			error(at, "expected a date like 2026-03-31 but found '" + abbreviate(text) + "'");
			return null;
		}
	}

	LocalTime time(JsonNode value, String at) {
		String text = text(value, at, 40);
		if (text == null) {
			return null;
		}
		// ORUK times may carry a UTC offset ("09:00:00Z"); opening hours are local, so it
		// is dropped.
		String local = text.replaceFirst("(Z|[+-]\\d{2}:?\\d{2})$", "");
		try {
			return LocalTime.parse(local);
		}
		catch (DateTimeParseException ex) {
			error(at, "expected a time like 09:30 but found '" + abbreviate(text) + "'");
			return null;
		}
	}

	Instant dateTime(JsonNode value, String at) {
		String text = text(value, at, 40);
		if (text == null) {
			return null;
		}
		try {
			return inRange(OffsetDateTime.parse(text).toInstant(), at);
		}
		catch (DateTimeParseException ex) {
			// try the local forms below
		}
		try {
			return inRange(LocalDateTime.parse(text).atZone(UK).toInstant(), at);
		}
		catch (DateTimeParseException ex) {
			// try a plain date
		}
		try {
			return inRange(LocalDate.parse(text).atStartOfDay(UK).toInstant(), at);
		}
		catch (DateTimeParseException ex) {
			error(at, "expected a date and time like 2026-03-31T09:30:00Z but found '" + abbreviate(text) + "'");
			return null;
		}
	}

	String oneOf(JsonNode value, String at, List<String> allowed) {
		String text = text(value, at, Field.SHORT);
		if (text == null) {
			return null;
		}
		for (String candidate : allowed) {
			if (candidate.equalsIgnoreCase(text)) {
				return candidate;
			}
		}
		error(at, "'" + abbreviate(text) + "' is not one of " + String.join(", ", allowed));
		return null;
	}

	private static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(10);

	/** Years every database and Java type here can hold, and more than any feed needs. */
	private static final int FIRST_YEAR = 1000;

	private static final int LAST_YEAR = 9999;

	private LocalDate inRange(LocalDate date, String at) {
		if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
			error(at, "the year " + date.getYear() + " is not between " + FIRST_YEAR + " and " + LAST_YEAR);
			return null;
		}
		return date;
	}

	private Instant inRange(Instant instant, String at) {
		return inRange(instant.atZone(UK).toLocalDate(), at) == null ? null : instant;
	}

	/**
	 * Text without NUL and other control characters (but with tabs and line breaks) and
	 * with broken UTF-16 (a lone surrogate) replaced: PostgreSQL refuses NUL, and neither
	 * belongs on a page.
	 */
	static String clean(String text) {
		StringBuilder clean = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f;
			boolean lone = Character.isHighSurrogate(c)
					? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
					: Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
			if (control || lone) {
				if (clean == null) {
					clean = new StringBuilder(text.length()).append(text, 0, i);
				}
				if (lone) {
					clean.append('\uFFFD');
				}
			}
			else if (clean != null) {
				clean.append(c);
			}
		}
		return clean == null ? text : clean.toString();
	}

	static String describe(JsonNode value) {
		if (value.isString()) {
			return "'" + abbreviate(value.asString()) + "'";
		}
		if (value.isArray()) {
			return "a list";
		}
		if (value.isObject()) {
			return "an object";
		}
		return value.toString();
	}

	static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

}
