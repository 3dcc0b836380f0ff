package uk.signpost.directory;

import java.time.LocalDate;
import java.time.Period;

/**
 * When a record was last checked (assured, or failing that last changed) and whether that
 * is too long ago to trust without asking: one rule for the cards and the service page.
 */
public final class Checked {

	/** A record not checked for a year is shown as stale. */
	public static final int STALE_MONTHS = 12;

	private Checked() {
	}

	public static LocalDate date(LocalDate assured, LocalDate lastModified) {
		return assured != null ? assured : lastModified;
	}

	public static boolean stale(LocalDate checked, LocalDate today) {
		return checked == null || Period.between(checked, today).toTotalMonths() >= STALE_MONTHS;
	}

	/** Whole months since it was checked. */
	public static long months(LocalDate checked, LocalDate today) {
		return Period.between(checked, today).toTotalMonths();
	}

}
