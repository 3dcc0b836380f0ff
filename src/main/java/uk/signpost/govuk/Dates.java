package uk.signpost.govuk;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.springframework.context.support.MessageSourceAccessor;

/**
 * Dates written the GOV.UK way ("1 March 2026", "1 March 2026 at 9:05am"), with the
 * patterns and the language of the month names from messages (date.format,
 * date.time.format, date.locale), so a second language writes its own.
 */
public final class Dates {

	private Dates() {
	}

	/** "1 March 2026". */
	public static String date(TemporalAccessor day, MessageSourceAccessor text) {
		return format(day, text.getMessage("date.format"), text);
	}

	/** "1 March 2026 at 9:05am": GOV.UK writes am and pm in lower case. */
	public static String dateTime(ZonedDateTime at, MessageSourceAccessor text) {
		String time = format(at, text.getMessage("date.time.format"), text).toLowerCase(locale(text));
		return text.getMessage("date.at", new Object[] { date(at, text), time });
	}

	private static String format(TemporalAccessor when, String pattern, MessageSourceAccessor text) {
		return DateTimeFormatter.ofPattern(pattern, locale(text)).format(when);
	}

	/** The language dates and days are written in. */
	public static Locale locale(MessageSourceAccessor text) {
		return Locale.forLanguageTag(text.getMessage("date.locale"));
	}

}
