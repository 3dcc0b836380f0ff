package uk.signpost.geo;

import java.util.Locale;
import java.util.regex.Pattern;

/** UK postcode shapes: "PR1 2HE" is a full postcode, "PR1" an outward code. */
public final class Postcodes {

	private static final Pattern FULL = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$");

	private static final Pattern OUTWARD = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]?$");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern SAINT = Pattern.compile("\\bst\\.?\\s");

	private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");

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

	/** A place name as looked up: lower case, letters and digits, single spaces. */
	public static String placeKey(String name) {
		String key = SAINT.matcher(name.toLowerCase(Locale.UK).replace("&", " and ")).replaceAll("st ");
		return NOT_LETTERS.matcher(key).replaceAll(" ").strip();
	}

}
