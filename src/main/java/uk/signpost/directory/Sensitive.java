package uk.signpost.directory;

import java.util.regex.Pattern;

/**
 * Whether a service is about domestic abuse or sexual violence, from its name and its
 * taxonomy terms: such a page (and a list or results holding one) offers GOV.UK's "Exit
 * this page", because someone may be watching the screen. One rule for every page.
 */
public final class Sensitive {

	/** Whole words only: "rape" but not "grapes" or "Grapevine". */
	private static final Pattern WORDS = Pattern.compile(
			"\\b(domestic\\s+(abuse|violence)|sexual\\s+(abuse|violence)|rape)\\b",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private Sensitive() {
	}

	/**
	 * True when any of these (a service's name, its terms' names) names domestic abuse or
	 * sexual violence; nulls are ignored.
	 */
	public static boolean about(String... words) {
		for (String word : words) {
			if (word != null && WORDS.matcher(word).find()) {
				return true;
			}
		}
		return false;
	}

}
