package uk.signpost.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The API's slices of the index: matches in order without counts, spelling correction or
 * relaxations, the venues of every match, and services a slice at a time with their
 * numbers of locations. The words are searched as given.
 */
@Component
public class ServiceLists {

	/** Hits read at once when reading every match. */
	private static final int SCROLL = 5_000;

	private final SearchIndex index;

	private final ServiceSearch words;

	private final Clock clock;

	ServiceLists(SearchIndex index, ServiceSearch words, ObjectProvider<Clock> clock) {
		this.index = index;
		this.words = words;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** Matches in order; limit may be large: only ids, venues and areas are read. */
	public uk.signpost.search.SearchResult list(ServiceQuery query, ApiFilters api, int offset, int limit) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		try (SearchSession session = this.index.session()) {
			SearchResult<List<?>> result = IndexQueries.fetch(session, query, api, searched, slot, true, offset, limit,
					true);
			return new uk.signpost.search.SearchResult(result.total().hitCount(), IndexQueries.hits(result, query),
					Map.of(), searched, null, null, List.of());
		}
	}

	/**
	 * A matching service and where its venues are, in the index's order (the same order
	 * venueIds gives their service_at_location ids).
	 */
	public record Venues(String serviceId, double[] latitudes, double[] longitudes) {
	}

	/**
	 * Every matching service with its venues, in no order: the API measures them itself,
	 * from the index, so a search near a busy town reads no rows.
	 */
	public List<Venues> venues(ServiceQuery query, ApiFilters api) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		try (SearchSession session = this.index.session()) {
			List<List<?>> rows = new ArrayList<>();
			// A chunk at a time: OpenSearch gives no more than a window of hits at once.
			try (var scroll = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("venue", GeoPoint.class).list()).asList())
				.where(f -> f.bool().filter(IndexQueries.of(f, query, api, searched, slot, null, false)))
				.totalHitCountThreshold(0)
				.scroll(SCROLL)) {
				for (var chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
					rows.addAll(chunk.hits());
				}
			}
			List<Venues> found = new ArrayList<>(rows.size());
			for (List<?> row : rows) {
				@SuppressWarnings("unchecked")
				List<GeoPoint> points = (List<GeoPoint>) row.get(1);
				double[] latitudes = new double[points.size()];
				double[] longitudes = new double[points.size()];
				for (int i = 0; i < points.size(); i++) {
					latitudes[i] = points.get(i).latitude();
					longitudes[i] = points.get(i).longitude();
				}
				found.add(new Venues((String) row.get(0), latitudes, longitudes));
			}
			return found;
		}
	}

	/**
	 * The service_at_location ids of these services' venues, in the order venues gives
	 * them.
	 */
	public Map<String, List<String>> venueIds(Collection<String> serviceIds) {
		return this.index.documents().venueIds(serviceIds);
	}

	/** A matching service's id and how many service_at_locations it has. */
	public record Located(String id, int locations) {
	}

	/**
	 * Matches in order, a slice at a time, each with its number of service_at_locations;
	 * with the number of services and of their locations over all matches. The API pages
	 * through service_at_locations with this.
	 */
	public record Slice(long services, long locations, List<Located> hits) {
	}

	/** total: also count services and sum their locations over all matches (else 0). */
	public Slice locations(ServiceQuery query, ApiFilters api, int offset, int limit, boolean total) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		try (SearchSession session = this.index.session()) {
			AggregationKey<Integer> sum = AggregationKey.of("locations");
			var step = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("locations", Integer.class)).asList())
				.where(f -> IndexQueries.of(f, query, api, searched, slot, null, true))
				.sort(f -> IndexQueries.sort(f, query, searched != null, true));
			if (total) {
				step.aggregation(sum, f -> f.sum().field("locations", Integer.class));
			}
			else {
				step.totalHitCountThreshold(0);
			}
			var result = step.fetch(offset, limit);
			List<Located> hits = new ArrayList<>();
			for (List<?> row : result.hits()) {
				hits.add(new Located((String) row.get(0), (Integer) row.get(1)));
			}
			Integer locations = total ? result.aggregation(sum) : null;
			return new Slice(total ? result.total().hitCount() : 0, locations == null ? 0 : locations, hits);
		}
	}

}
