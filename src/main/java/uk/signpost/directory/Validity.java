package uk.signpost.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

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

	/** Today in the UK, by this clock. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(UK));
	}

	/** This moment on UK clocks. */
	public static ZonedDateTime now(Clock clock) {
		return ZonedDateTime.now(clock.withZone(UK));
	}

	public static boolean current(LocalDate validFrom, LocalDate validTo, LocalDate day) {
		return (validFrom == null || !validFrom.isAfter(day)) && (validTo == null || !validTo.isBefore(day));
	}

}
