package uk.signpost.directory;

import java.time.LocalDate;

/**
 * Whether a dated ORUK row (a schedule, a cost option) applies on a day: its valid_from
 * not after it and its valid_to not before it. Expired hours and prices count as neither
 * open nor free, in the index and on the page.
 */
public final class Validity {

	private Validity() {
	}

	public static boolean current(LocalDate validFrom, LocalDate validTo, LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
	}

}
