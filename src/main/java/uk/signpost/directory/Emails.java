package uk.signpost.directory;

import java.util.regex.Pattern;

/**
 * What counts as an email address Signpost will write to: a resident's on a problem
 * report, a publisher's contact, a member of staff's. One rule for every form: letters,
 * digits and the usual punctuation before the @, a domain of dotted labels after it, no
 * spaces, quotes, brackets or angle brackets, at most 320 characters.
 */
public final class Emails {

	private static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	public static final int LONGEST = 320;

	private Emails() {
	}

	public static boolean valid(String address) {
		return address != null && address.length() <= LONGEST && ADDRESS.matcher(address).matches();
	}

}
