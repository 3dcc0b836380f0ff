package uk.signpost.feedback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * "Report a problem with this service", as typed: what is wrong, what it should say, and
 * an email address if the person wants to be asked about it.
 */
record ReportForm(String problem, String correction, String email) {

	/** What can be wrong, and how it reads on the page. */
	static final Map<String, String> PROBLEMS = new LinkedHashMap<>();

	static {
		PROBLEMS.put("phone", "The phone number is wrong");
		PROBLEMS.put("address", "The address is wrong");
		PROBLEMS.put("hours", "The opening hours are wrong");
		PROBLEMS.put("closed", "The service has closed");
		PROBLEMS.put("other", "Something else");
	}

	static final int LONGEST = 1200;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

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

	private static String typed(String text) {
		if (text == null) {
			return null;
		}
		text = MEANINGLESS.matcher(text).replaceAll("");
		return text.isBlank() ? null : text.strip();
	}

	/** Each field's error, in page order: empty when the report can be kept. */
	Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (this.problem == null || !PROBLEMS.containsKey(this.problem)) {
			errors.put("problem", "Select what is wrong");
		}
		if (this.correction == null && this.problem != null && !"closed".equals(this.problem)) {
			errors.put("correction", "Enter what it should say");
		}
		else if (this.correction != null && this.correction.length() > LONGEST) {
			errors.put("correction", "What it should say must be " + LONGEST + " characters or fewer");
		}
		if (this.email != null && (this.email.length() > 320 || !EMAIL.matcher(this.email).matches())) {
			errors.put("email", "Enter an email address in the correct format, like name@example.com");
		}
		return errors;
	}

}
