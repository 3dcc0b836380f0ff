package uk.signpost.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found.
 *
 * @param total how many services match
 * @param hits the services on the requested page, best first
 * @param facets for each filter, its options with how many services each would give,
 * counted with the other active filters applied
 * @param searchedFor the words searched: the corrected ones when a correction was made
 * @param need the words searched that carry the need, as typed (filler words left out)
 * @param correctedFrom the words as typed, when they were corrected; otherwise null
 * @param relaxations when nothing matched: constraints whose removal would find some
 */
public record SearchResult(long total, List<Hit> hits, Map<Filter, List<FacetValue>> facets, String searchedFor,
		String need, String correctedFrom, List<Relaxation> relaxations) {

	/** Never changed once made: the same answer may be given to many searches. */
	public SearchResult {
		hits = List.copyOf(hits);
		Map<Filter, List<FacetValue>> values = new java.util.EnumMap<>(Filter.class);
		facets.forEach((filter, options) -> values.put(filter, List.copyOf(options)));
		facets = java.util.Collections.unmodifiableMap(values);
		relaxations = List.copyOf(relaxations);
	}

	/**
	 * One service found. distanceMiles is to its nearest venue (null without a place or
	 * venue); remote means it stays in a place search because it is delivered by phone or
	 * online, and areaServed because its service area covers the place; free when it
	 * costs nothing; openNow when its weekly hours include this quarter-hour (marked on
	 * search pages; the API's lists leave it false).
	 */
	public record Hit(String id, float score, Double distanceMiles, List<String> delivery, boolean withinRadius,
			boolean areaServed, boolean free, boolean openNow) {
	}

	public record FacetValue(String value, long count, boolean selected) {
	}

	/**
	 * Dropping one filter (or, when filter is null, searching the next radius, value in
	 * miles): its value, and how many services that would find.
	 */
	public record Relaxation(Filter filter, String value, long count, ServiceQuery query) {
	}

	public boolean corrected() {
		return this.correctedFrom != null;
	}

}
