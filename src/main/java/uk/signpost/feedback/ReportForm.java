package uk.signpost.feedback;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Report a problem with this service", as typed: what is wrong, what it should say, and
 * an email address if the person wants to be asked about it.
 */
record ReportForm(String problem, String correction, String email) {

	/** What can be wrong: each reads report.problem.&lt;it&gt; on the page. */
	static final List<String> PROBLEMS = List.of("phone", "address", "hours", "closed", "other");

	static final int LONGEST = 1200;

	/**
	 * Control characters other than line breaks and tabs, and halves of a surrogate pair:
	 * they would come back in the form and PostgreSQL refuses a NUL in text.
	 */
	private static final Pattern MEANINGLESS = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]|\\p{Cs}");

	ReportForm {
		problem = typed(problem);
		correction = typed(correction);
		email = typed(email);
	}

	/** What was typed, without what cannot be stored or shown; null when blank. */
	static String typed(String text) {
		if (text == null) {
			return null;
		}
		text = MEANINGLESS.matcher(text).replaceAll("");
		return text.isBlank() ? null : text.strip();
	}

	/**
	 * Each field's error as the key of its words (report.error.*), in page order: empty
	 * when the report can be kept.
	 */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.problem == null || !PROBLEMS.contains(this.problem)) {
			errors.put("problem", "report.error.problem");
		}
		if (this.correction == null && this.problem != null && !"closed".equals(this.problem)) {
			errors.put("correction", "report.error.correction");
		}
		else if (this.correction != null && this.correction.length() > LONGEST) {
			errors.put("correction", "report.error.correction.long");
		}
		if (this.email != null && !uk.signpost.directory.Emails.valid(this.email)) {
			errors.put("email", "report.error.email");
		}
		return errors;
	}

}
