package uk.signpost.geo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcode shapes: "PR1 2HE" is a full postcode, "PR1" an outward code. */
public final class Postcodes {

	private static final Pattern FULL = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$");

	private static final Pattern OUTWARD = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final String APOSTROPHES = "'\u2019\u2018`";

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private Postcodes() {
	}

	/** Upper case with every space removed: the form postcodes are stored in. */
	public static String compact(String text) {
		return text == null ? "" : SPACES.matcher(text).replaceAll("").toUpperCase(Locale.UK);
	}

	public static boolean isFull(String text) {
		return FULL.matcher(compact(text)).matches();
	}

	public static boolean isOutward(String text) {
		return OUTWARD.matcher(compact(text)).matches();
	}

	/** The outward code of a full postcode: all but the last three characters. */
	public static String outward(String postcode) {
		String compact = compact(postcode);
		return compact.substring(0, compact.length() - 3);
	}

	/** "PR12HE" as people write it: "PR1 2HE". */
	public static String display(String postcode) {
		String compact = compact(postcode);
		return isFull(compact) ? outward(compact) + " " + compact.substring(compact.length() - 3) : compact;
	}

	/**
	 * A place name as looked up: lower case, letters and digits, single spaces, without
	 * accents or apostrophes, "&" as "and", and "Saint" or "St." as "st": "St. Anne's",
	 * "Saint Annes" and "st annes" are one key, as are "Ynys Môn" and "Ynys Mon". One
	 * pass over the characters: the site keys some 30,000 shipped names as it starts.
	 */
	public static String placeKey(String name) {
		String text = name.toLowerCase(Locale.UK);
		if (!text.chars().allMatch(c -> c < 128)) {
			text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		}
		StringBuilder key = new StringBuilder(text.length());
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= text.length(); i++) {
			char c = i < text.length() ? text.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (APOSTROPHES.indexOf(c) < 0) {
				addWord(key, word);
				if (c == '&') {
					addWord(key, word.append("and"));
				}
			}
		}
		return key.toString();
	}

	private static void addWord(StringBuilder key, StringBuilder word) {
		if (word.length() > 0) {
			key.append(key.length() > 0 ? " " : "").append("saint".contentEquals(word) ? "st" : word);
			word.setLength(0);
		}
	}

}
