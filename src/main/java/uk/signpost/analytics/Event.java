package uk.signpost.analytics;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded event, as its row in analytics_event (V11): a search's fields, or a
 * service's for a view, click or addition.
 */
record Event(Instant at, LocalDate day, String kind, String need, String category, String area, String filters,
		Long results, Integer page, boolean corrected, boolean asTyped, boolean relaxationOffered,
		boolean fromRelaxation, String serviceId, String publisherId) {

	static final String SEARCH = "search";

	static final String VIEW = "view";

	static final String LIST = "list";

	static Event service(Instant at, LocalDate day, String kind, String need, String serviceId, String publisherId) {
		return new Event(at, day, kind, need, null, null, null, null, null, false, false, false, false, serviceId,
				publisherId);
	}

}
