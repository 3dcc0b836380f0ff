package uk.signpost.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.InList;
import uk.signpost.geo.Distance;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceLists;

/**
 * Finds a page of service_at_locations: which services match, in what order and with how
 * many locations each comes from the search index; their locations from the database.
 */
@Component
class ServiceAtLocationFinder {

	private static final double METRES_PER_MILE = 1609.344;

	/** Far enough to take in every location in the UK. */
	private static final double ANYWHERE_MILES = 1000;

	/** Services read from the index at a time. */
	private static final int SLICE = 5000;

	/** One service at one location; metres is null without a point or coordinates. */
	record Match(String id, String serviceId, Double metres) {
	}

	record Found(long total, List<Match> page) {
	}

	private final ServiceLists search;

	private final JdbcTemplate jdbc;

	private final FindableServices findable;

	ServiceAtLocationFinder(ServiceLists search, JdbcTemplate jdbc, FindableServices findable) {
		this.search = search;
		this.jdbc = jdbc;
		this.findable = findable;
	}

	/**
	 * query: the services asked for (without near); near: the point to measure from, or
	 * null; proximityMetres: how far a location may be, or null for any distance.
	 */
	Found find(ApiQuery query, ServiceQuery.Near near, Double proximityMetres, int page, int perPage) {
		int offset = (page - 1) * perPage;
		if (near != null && proximityMetres != null) {
			return within(query, near, proximityMetres, offset, perPage);
		}
		if (near == null && query.everything()) {
			return everything(offset, perPage);
		}
		if (near != null) {
			// Services by their nearest location; each service's locations nearest first.
			query = query.with(query.query().near(near).radiusMiles(ANYWHERE_MILES).nearestFirst(true));
		}
		return walk(query, near, offset, perPage);
	}

	/**
	 * Pages through the services in the index's order, counting their locations, and
	 * reads locations only for the services the page falls on.
	 */
	private Found walk(ApiQuery query, ServiceQuery.Near near, int offset, int perPage) {
		List<String> services = new ArrayList<>();
		// Locations of the services before the first one the page falls on, and of those
		// it falls on.
		long before = 0;
		long taken = 0;
		long total = 0;
		// The first slice is about what the page needs (each service has a location or
		// more), so page 1 reads 64 hits, not 5,000; later slices grow four-fold.
		int size = Math.max(64, Math.min(SLICE, offset + perPage));
		slices: for (int from = 0;; from += size, size = Math.min(SLICE, size * 4)) {
			// Near a place, each slice comes from the smallest circle that holds it,
			// and the total from a count of its own.
			ServiceLists.Slice slice = near == null
					? this.search.locations(query.query(), query.filters(), from, size, from == 0)
					: this.search.nearest(query.query(), query.filters(), from, size);
			if (from == 0) {
				total = near == null ? slice.locations()
						: this.search.locations(query.query(), query.filters(), 0, 0, true).locations();
			}
			for (ServiceLists.Located hit : slice.hits()) {
				if (services.isEmpty() && before + hit.locations() <= offset) {
					before += hit.locations();
					continue;
				}
				services.add(hit.id());
				taken += hit.locations();
				if (before + taken >= offset + perPage) {
					break slices;
				}
			}
			if (slice.hits().size() < size) {
				break;
			}
		}
		Map<String, List<Row>> rows = rows(services);
		List<Match> matches = new ArrayList<>();
		for (String serviceId : services) {
			List<Match> own = new ArrayList<>();
			for (Row row : rows.getOrDefault(serviceId, List.of())) {
				own.add(new Match(row.id, serviceId, metres(near, row)));
			}
			if (near != null) {
				own.sort(NEAREST);
			}
			matches.addAll(own);
		}
		int skip = (int) (offset - before);
		List<Match> page = skip >= matches.size() ? List.of()
				: matches.subList(skip, Math.min(matches.size(), skip + perPage));
		return new Found(total, page);
	}

	/** Every findable service's locations, in service id order. */
	private Found everything(int offset, int perPage) {
		FindableServices.Snapshot all = this.findable.snapshot();
		if (offset >= all.locations()) {
			return new Found(all.locations(), List.of());
		}
		int first = all.serviceHolding(offset);
		List<String> services = new ArrayList<>();
		for (int i = first; i < all.ids().size() && all.locationsBefore()[i] < offset + perPage; i++) {
			services.add(all.ids().get(i));
		}
		Map<String, List<Row>> rows = rows(services);
		List<Match> matches = new ArrayList<>();
		services
			.forEach(id -> rows.getOrDefault(id, List.of()).forEach(row -> matches.add(new Match(row.id, id, null))));
		int skip = (int) (offset - all.locationsBefore()[first]);
		return new Found(all.locations(),
				matches.subList(Math.min(skip, matches.size()), Math.min(matches.size(), skip + perPage)));
	}

	/**
	 * Locations within a distance, nearest first. The index counts them (one count per
	 * venue position) and gives services by their nearest venue, a slice at a time; their
	 * venues are measured here until the page is settled: no venue of a service not yet
	 * read can be nearer than the last one read. Only the page's venues are named from
	 * the database. Reading and measuring every service in reach took 0.7 s near a busy
	 * town at 100,000 services (docs/benchmarks.md).
	 */
	private Found within(ApiQuery query, ServiceQuery.Near near, double metres, int offset, int perPage) {
		double miles = metres / METRES_PER_MILE;
		ApiQuery candidates = query.with(query.filters().venuesWithin(near, miles));
		long total = this.search.venuesWithin(candidates.query(), candidates.filters(), near, miles);
		record Measured(String serviceId, int venue, double metres) {
		}
		List<Measured> measured = new ArrayList<>();
		double settled = Double.POSITIVE_INFINITY;
		int size = Math.max(64, Math.min(SLICE, offset + perPage));
		for (int from = 0;; from += size, size = Math.min(SLICE, size * 4)) {
			List<ServiceLists.Venues> slice = this.search.nearestVenues(candidates.query(), candidates.filters(), near,
					from, size);
			double nearestOfLast = Double.POSITIVE_INFINITY;
			for (ServiceLists.Venues service : slice) {
				nearestOfLast = Double.POSITIVE_INFINITY;
				for (int i = 0; i < service.latitudes().length; i++) {
					double distance = Distance.miles(near.latitude(), near.longitude(), service.latitudes()[i],
							service.longitudes()[i]) * METRES_PER_MILE;
					nearestOfLast = Math.min(nearestOfLast, distance);
					if (distance <= metres) {
						measured.add(new Measured(service.serviceId(), i, distance));
					}
				}
			}
			if (slice.size() < size) {
				settled = Double.POSITIVE_INFINITY;
				break;
			}
			// Services not read yet have no venue nearer than the last one read's
			// nearest.
			settled = nearestOfLast;
			double edge = settled;
			if (settled > metres || measured.stream().filter(m -> m.metres() < edge).count() >= offset + perPage) {
				break;
			}
		}
		double edge = settled;
		measured.removeIf(m -> m.metres() >= edge);
		// Equal distances (one venue, several services) in a fixed order, so pages never
		// overlap.
		measured.sort(Comparator.comparingDouble(Measured::metres)
			.thenComparing(Measured::serviceId)
			.thenComparingInt(Measured::venue));
		List<Measured> page = offset >= measured.size() ? List.of()
				: measured.subList(offset, Math.min(measured.size(), offset + perPage));
		Map<String, List<String>> ids = this.search
			.venueIds(page.stream().map(Measured::serviceId).distinct().toList());
		List<Match> matches = new ArrayList<>();
		for (Measured venue : page) {
			List<String> own = ids.getOrDefault(venue.serviceId(), List.of());
			// A service changed since it was indexed may have lost the venue: left out.
			if (venue.venue() < own.size()) {
				matches.add(new Match(own.get(venue.venue()), venue.serviceId(), venue.metres()));
			}
		}
		return new Found(total, matches);
	}

	private static final Comparator<Match> NEAREST = Comparator.comparing(Match::metres,
			Comparator.nullsLast(Comparator.naturalOrder()));

	private static Double metres(ServiceQuery.Near near, Row row) {
		return near == null || row.latitude == null ? null
				: Distance.miles(near.latitude(), near.longitude(), row.latitude, row.longitude) * METRES_PER_MILE;
	}

	private record Row(String id, Double latitude, Double longitude) {
	}

	/** Each service's locations in the publisher's order, a chunk of services a query. */
	private Map<String, List<Row>> rows(List<String> ids) {
		Map<String, List<Row>> rows = new HashMap<>();
		for (List<String> chunk : InList.chunks(ids)) {
			this.jdbc.query("SELECT sal.service_id, sal.id, l.latitude, l.longitude FROM service_at_location sal "
					+ "JOIN location l ON l.id = sal.location_id WHERE sal.service_id IN ("
					+ InList.placeholders(chunk.size()) + ") ORDER BY sal.service_id, sal.position", rs -> {
						double latitude = rs.getDouble(3);
						boolean placed = !rs.wasNull();
						double longitude = rs.getDouble(4);
						placed = placed && !rs.wasNull();
						rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
							.add(new Row(rs.getString(2), placed ? latitude : null, placed ? longitude : null));
					}, chunk.toArray());
		}
		return rows;
	}

}
