package uk.signpost.directory;

import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as feeds write them, read by Google's libphonenumber with the UK as the
 * country a number without +44 is in: one number however it is spaced, and whether it is
 * a UK number that can be dialled.
 */
public final class Phones {

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	/**
	 * Ofcom's ranges kept for drama (01632 960xxx, 07700 900xxx, 020 7946 0xxx, 0808 157
	 * 0xxx, 0113 496 0xxx and its like): shaped like real numbers and ringing no one, so
	 * fiction and the demo directory use them. libphonenumber calls some of them invalid;
	 * they are valid in form, which is what a feed is checked for.
	 */
	private static final Pattern DRAMA = Pattern
		.compile("1632960\\d{3}|7700900\\d{3}|2079460\\d{3}|8081570\\d{3}|(?:11[3-8]|1[2-5]1|161)4960\\d{3}");

	private Phones() {
	}

	/** The number in E.164 (+441632960001), or null when it is not a number. */
	public static String e164(String number) {
		PhoneNumber parsed = parse(number);
		return parsed == null ? null : PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
	}

	/** Whether the number is a valid UK number, written in any of the usual ways. */
	public static boolean validUk(String number) {
		PhoneNumber parsed = parse(number);
		return parsed != null && (PHONES.isValidNumberForRegion(parsed, "GB") || (parsed.getCountryCode() == 44
				&& DRAMA.matcher(PHONES.getNationalSignificantNumber(parsed)).matches()));
	}

	private static PhoneNumber parse(String number) {
		if (number == null || number.isBlank()) {
			return null;
		}
		try {
			return PHONES.parse(number, "GB");
		}
		catch (NumberParseException ex) {
			return null;
		}
	}

}
