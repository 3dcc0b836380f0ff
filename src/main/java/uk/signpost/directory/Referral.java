package uk.signpost.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a service takes people only when someone else refers them. ORUK has no field
 * for it, so it is read from the publisher's words on how to get the service. Anyone may
 * refer themselves wherever the text says so: then no referral is needed, whatever else
 * it says.
 */
public final class Referral {

	private static final Pattern SELF = Pattern.compile("refer (?:yourself|themselves|myself)|self[- ]?refer"
			+ "|\\b(?:no|not|without|don't|do not)\\b[^.;]{0,30}\\b(?:referral|referred|voucher)"
			+ "|drop[- ]in\\b|just (?:turn|come|walk) (?:up|in)");

	private static final Pattern NEEDED = Pattern
		.compile("\\b(?:need|needs|must|require|requires|required|only)\\b[^.;]{0,40}\\b(?:referral|voucher|referred)"
				+ "|\\b(?:referral|voucher)s? (?:is |are )?(?:needed|required|essential)|by referral\\b");

	private Referral() {
	}

	/** True when the text says a referral (or a voucher from a referrer) is needed. */
	public static boolean needed(String applicationProcess) {
		if (applicationProcess == null || applicationProcess.isBlank()) {
			return false;
		}
		String text = applicationProcess.toLowerCase(Locale.UK).replace('’', '\'');
		// Every way of saying it needed names a referral, a referrer or a voucher: most
		// texts name none, and are answered without the patterns (every result card
		// asks).
		if (!text.contains("referr") && !text.contains("voucher")) {
			return false;
		}
		return NEEDED.matcher(text).find() && !SELF.matcher(text).find();
	}

}
