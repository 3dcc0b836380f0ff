package uk.signpost.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Service;
import uk.signpost.geo.Distance;
import uk.signpost.search.SearchResult;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

/**
 * Finds service_at_locations: the services come from the search engine, their locations
 * from the database; with a point, each location is measured and the nearest come first.
 */
@Component
class ServiceAtLocationFinder {

	private static final double METRES_PER_MILE = 1609.344;

	/** Far enough to take in every location in the UK. */
	private static final double ANYWHERE_MILES = 1000;

	private static final int CHUNK = 1000;

	/** One service at one location; metres is null without a point or coordinates. */
	record Match(String id, String serviceId, Double metres) {
	}

	record Found(long total, List<Match> page) {
	}

	private final ServiceSearch search;

	private final JdbcTemplate jdbc;

	ServiceAtLocationFinder(ServiceSearch search, JdbcTemplate jdbc) {
		this.search = search;
		this.jdbc = jdbc;
	}

	/**
	 * query: the services asked for (without near); near: the point to measure from, or
	 * null; proximityMetres: how far a location may be, or null for any distance.
	 */
	Found find(ServiceQuery query, ServiceQuery.Near near, Double proximityMetres, int page, int perPage) {
		int offset = (page - 1) * perPage;
		boolean filtered = query.text() != null || query.day() != null || (query.api() != null && query.api().any());
		if (!filtered && near == null) {
			return everything(offset, perPage);
		}
		ServiceQuery services = query;
		if (near != null) {
			double miles = proximityMetres == null ? ANYWHERE_MILES : proximityMetres / METRES_PER_MILE;
			services = query.toBuilder().near(near).radiusMiles(miles).nearestFirst(true).build();
		}
		List<String> ids = allIds(services);
		Map<String, List<Row>> rows = rows(ids);
		List<Match> matches = new ArrayList<>();
		for (String serviceId : ids) {
			for (Row row : rows.getOrDefault(serviceId, List.of())) {
				Double metres = near == null || row.latitude == null ? null
						: Distance.miles(near.latitude(), near.longitude(), row.latitude, row.longitude)
								* METRES_PER_MILE;
				if (proximityMetres == null || (metres != null && metres <= proximityMetres)) {
					matches.add(new Match(row.id, serviceId, metres));
				}
			}
		}
		if (near != null) {
			matches.sort(Comparator.comparing(Match::metres, Comparator.nullsLast(Comparator.naturalOrder())));
		}
		List<Match> pageOf = offset >= matches.size() ? List.of()
				: matches.subList(offset, Math.min(matches.size(), offset + perPage));
		return new Found(matches.size(), pageOf);
	}

	/** No filter and no point: straight from the database, in id order. */
	private Found everything(int offset, int perPage) {
		String from = " FROM service_at_location sal JOIN service s ON s.id = sal.service_id WHERE " + Service.FINDABLE;
		Long total = this.jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class);
		List<Match> page = this.jdbc.query("SELECT sal.id, sal.service_id" + from + " ORDER BY sal.id LIMIT ? OFFSET ?",
				(rs, n) -> new Match(rs.getString(1), rs.getString(2), null), perPage, offset);
		return new Found(total == null ? 0 : total, page);
	}

	/** Every matching service id, in the search engine's order. */
	private List<String> allIds(ServiceQuery query) {
		SearchResult first = this.search.list(query, 0, CHUNK);
		SearchResult all = first.total() <= CHUNK ? first : this.search.list(query, 0, (int) first.total());
		return all.hits().stream().map(SearchResult.Hit::id).toList();
	}

	private record Row(String id, Double latitude, Double longitude) {
	}

	/** Each service's locations in the publisher's order, a chunk of services a query. */
	private Map<String, List<Row>> rows(List<String> ids) {
		Map<String, List<Row>> rows = new HashMap<>();
		for (int i = 0; i < ids.size(); i += CHUNK) {
			List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
			String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			this.jdbc.query("SELECT sal.service_id, sal.id, l.latitude, l.longitude FROM service_at_location sal "
					+ "JOIN location l ON l.id = sal.location_id WHERE sal.service_id IN (" + marks
					+ ") ORDER BY sal.service_id, sal.position", rs -> {
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
