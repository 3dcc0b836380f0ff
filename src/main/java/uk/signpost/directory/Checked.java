package uk.signpost.directory;

import java.time.LocalDate;
import java.time.Period;

/**
 * When a record was last checked and by which means, and whether that is too long ago to
 * trust without asking: one rule for the cards, the service page, Your list and the
 * workspace's reviews. The newer of the publisher's own assured_date and a check staff
 * recorded in the workspace counts (the same day: the recorded one, which names a
 * person); failing both, when the publisher last changed it.
 */
public final class Checked {

	/** A record not checked for a year is shown as stale. */
	public static final int STALE_MONTHS = 12;

	private Checked() {
	}

	/** What the last check was. */
	public enum Source {

		/** Staff marked it as checked in the workspace ({@link ServiceChecks}). */
		RECORDED,

		/** The publisher's feed gave an assured_date. */
		ASSURED,

		/** Nothing says it was checked; the publisher last changed it then. */
		CHANGED

	}

	/** The day of the last check, and what it was. */
	public record Last(LocalDate date, Source source) {
	}

	/** The last check of a record, or null when nothing dates it. Any may be null. */
	public static Last last(LocalDate assured, LocalDate recorded, LocalDate lastModified) {
		if (recorded != null && (assured == null || !recorded.isBefore(assured))) {
			return new Last(recorded, Source.RECORDED);
		}
		if (assured != null) {
			return new Last(assured, Source.ASSURED);
		}
		return lastModified == null ? null : new Last(lastModified, Source.CHANGED);
	}

	/** The day of {@link #last}, or null. */
	public static LocalDate date(LocalDate assured, LocalDate recorded, LocalDate lastModified) {
		Last last = last(assured, recorded, lastModified);
		return last == null ? null : last.date();
	}

	public static boolean stale(LocalDate checked, LocalDate today) {
		return checked == null || Period.between(checked, today).toTotalMonths() >= STALE_MONTHS;
	}

	/** Whole months since it was checked. */
	public static long months(LocalDate checked, LocalDate today) {
		return Period.between(checked, today).toTotalMonths();
	}

}
