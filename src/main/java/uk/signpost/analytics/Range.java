package uk.signpost.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The days the Analytics page covers, read from its two fields ("1/11/2026", "1 11 2026"
 * or "2026-11-01"); empty fields are the last twelve weeks. errors: by field, the key of
 * its message.
 */
record Range(LocalDate from, LocalDate to, String typedFrom, String typedTo, Map<String, String> errors) {

	static final int DEFAULT_WEEKS = 12;

	private static final List<DateTimeFormatter> FORMATS = List
		.of("d/M/uuuu", "d M uuuu", "d-M-uuuu", "d.M.uuuu", "uuuu-M-d")
		.stream()
		.map(pattern -> DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT))
		.toList();

	static Range of(String from, String to, LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate end = blank(to) ? today : parse(to);
		LocalDate start = blank(from) ? Figures.monday((end == null ? today : end).minusWeeks(DEFAULT_WEEKS - 1L))
				: parse(from);
		// In the order of the fields, as the error summary lists them.
		if (start == null) {
			errors.put("from", "analytics.error.from");
		}
		if (end == null) {
			errors.put("to", "analytics.error.to");
		}
		if (start != null && end != null && end.isBefore(start)) {
			errors.put("to", "analytics.error.order");
		}
		return new Range(start, end, from, to, errors);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static LocalDate parse(String typed) {
		String text = typed.strip().replaceAll("\\s+", " ");
		for (DateTimeFormatter format : FORMATS) {
			try {
				LocalDate day = LocalDate.parse(text, format);
				return day.getYear() < 2000 || day.getYear() > 9999 ? null : day;
			}
			catch (DateTimeParseException ex) {
				// the next format
			}
		}
		return null;
	}

	/** A day as the fields take it and the hint shows it: "1/11/2026". */
	static String written(LocalDate day) {
		return FORMATS.get(0).format(day);
	}

	boolean valid() {
		return this.errors.isEmpty();
	}

	/** The query string that keeps these dates, for the CSV links. */
	String query() {
		return "?from=" + this.from + "&to=" + this.to;
	}

}
