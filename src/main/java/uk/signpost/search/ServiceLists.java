package uk.signpost.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.signpost.geo.Distance;

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
	 * How many venues of the matching services lie within miles of near: one count for
	 * each venue position (VenuePositions), reading no document, and the venues past the
	 * last position measured from the few services that have that many.
	 */
	public long venuesWithin(ServiceQuery query, ApiFilters api, ServiceQuery.Near near, double miles) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		GeoPoint from = IndexQueries.point(near);
		long total = 0;
		try (SearchSession session = this.index.session()) {
			for (int i = 0; i < VenuePositions.FIELDS; i++) {
				String field = VenuePositions.field(i);
				long count = session.search(ServiceDocument.class)
					.where(f -> f.bool()
						.filter(IndexQueries.of(f, query, api, searched, slot, null, false))
						.filter(f.spatial().within().field(field).circle(from, miles, DistanceUnit.MILES)))
					.fetchTotalHitCount();
				total += count;
				if (count == 0) {
					// A service's venues fill the positions in order: none here, none
					// later.
					return total;
				}
			}
			List<List<?>> rows = new ArrayList<>();
			// A chunk at a time: OpenSearch gives no more than a window of hits at once.
			try (var scroll = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("venue", GeoPoint.class).list()).asList())
				.where(f -> f.bool()
					.filter(IndexQueries.of(f, query, api, searched, slot, null, false))
					.filter(f.range().field("venues").greaterThan(VenuePositions.FIELDS)))
				.scroll(SCROLL)) {
				for (var chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
					rows.addAll(chunk.hits());
				}
			}
			for (List<?> row : rows) {
				Venues venues = venues((String) row.get(0), row.get(1));
				for (int i = VenuePositions.FIELDS; i < venues.latitudes().length; i++) {
					if (Distance.miles(near.latitude(), near.longitude(), venues.latitudes()[i],
							venues.longitudes()[i]) <= miles) {
						total++;
					}
				}
			}
		}
		return total;
	}

	/**
	 * Matching services with their venues, by the distance of their nearest venue to near
	 * (equal ones by id), a slice at a time: the API measures their venues itself and
	 * reads on until the page it is asked for is settled.
	 */
	public List<Venues> nearestVenues(ServiceQuery query, ApiFilters api, ServiceQuery.Near near, int offset,
			int limit) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		try (SearchSession session = this.index.session()) {
			List<List<?>> rows = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("venue", GeoPoint.class).list()).asList())
				.where(f -> f.bool().filter(IndexQueries.of(f, query, api, searched, slot, null, false)))
				.sort(f -> f.distance("venue", IndexQueries.point(near)).mode(SortMode.MIN).then().field("idSort"))
				.totalHitCountThreshold(0)
				.fetchHits(offset, limit);
			List<Venues> found = new ArrayList<>(rows.size());
			for (List<?> row : rows) {
				found.add(venues((String) row.get(0), row.get(1)));
			}
			return found;
		}
	}

	private static Venues venues(String serviceId, Object projected) {
		@SuppressWarnings("unchecked")
		List<GeoPoint> points = (List<GeoPoint>) projected;
		double[] latitudes = new double[points.size()];
		double[] longitudes = new double[points.size()];
		for (int i = 0; i < points.size(); i++) {
			latitudes[i] = points.get(i).latitude();
			longitudes[i] = points.get(i).longitude();
		}
		return new Venues(serviceId, latitudes, longitudes);
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
	 * through service_at_locations with this. lastMiles: how far the last hit's nearest
	 * venue is, when measured.
	 */
	public record Slice(long services, long locations, List<Located> hits, double lastMiles) {
	}

	/** total: also count services and sum their locations over all matches (else 0). */
	public Slice locations(ServiceQuery query, ApiFilters api, int offset, int limit, boolean total) {
		return slice(query, api, offset, limit, total, false);
	}

	/** Circles tried before the query's own radius, in miles. */
	private static final double[] CIRCLES = { 2, 8, 32, 128 };

	/**
	 * Matches near the query's place, nearest first, a slice at a time, without totals:
	 * read from the smallest circle that holds the slice. Sorting every match in the
	 * country by distance took most of a request at 100,000 services
	 * (docs/benchmarks.md). The slice from a circle is the slice of the whole when its
	 * last hit lies inside the circle: every service nearer than that one does too.
	 */
	public Slice nearest(ServiceQuery query, ApiFilters api, int offset, int limit) {
		for (double miles : CIRCLES) {
			if (miles >= query.radiusMiles()) {
				break;
			}
			Slice slice = slice(query.radiusMiles(miles), api, offset, limit, false, true);
			if (slice.hits().size() == limit && slice.lastMiles() < miles * 0.999) {
				return slice;
			}
		}
		return slice(query, api, offset, limit, false, false);
	}

	private Slice slice(ServiceQuery query, ApiFilters api, int offset, int limit, boolean total, boolean measured) {
		String searched = this.words.searched(query.text());
		int slot = ServiceDocuments.slotNow(this.clock);
		try (SearchSession session = this.index.session()) {
			AggregationKey<Integer> sum = AggregationKey.of("locations");
			var step = session.search(ServiceDocument.class)
				.select(f -> f.composite()
					.from(f.id(String.class), f.field("locations", Integer.class), measured
							? f.distance("venue", IndexQueries.point(query.near())).list().unit(DistanceUnit.MILES)
							: f.constant(List.<Double>of()))
					.asList())
				.where(f -> IndexQueries.of(f, query, api, searched, slot, null, true));
			if (limit > 0) {
				step = step.sort(f -> IndexQueries.sort(f, query, searched != null, true));
			}
			if (total) {
				step.aggregation(sum, f -> f.sum().field("locations", Integer.class));
			}
			else {
				step.totalHitCountThreshold(0);
			}
			var result = step.fetch(offset, limit);
			List<Located> hits = new ArrayList<>();
			double lastMiles = Double.POSITIVE_INFINITY;
			for (List<?> row : result.hits()) {
				hits.add(new Located((String) row.get(0), (Integer) row.get(1)));
				@SuppressWarnings("unchecked")
				List<Double> miles = (List<Double>) row.get(2);
				lastMiles = miles.stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
			}
			Integer locations = total ? result.aggregation(sum) : null;
			return new Slice(total ? result.total().hitCount() : 0, locations == null ? 0 : locations, hits, lastMiles);
		}
	}

}
