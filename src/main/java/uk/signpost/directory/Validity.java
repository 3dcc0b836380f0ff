package uk.signpost.directory;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whether a dated ORUK row (a schedule, a cost option) applies on a day: its valid_from
 * not after it and its valid_to not before it. Expired hours and prices count as neither
 * open nor free, in the index and on the page.
 */
public final class Validity {

	/**
	 * The directory's clock: ORUK's dates and opening hours are local to the UK, and
	 * every "today" and "open now" is read here.
	 */
	public static final ZoneId UK = ZoneId.of("Europe/London");

	private Validity() {
	}

	public static boolean current(LocalDate validFrom, LocalDate validTo, LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
	}

}
