package uk.signpost.search;

import java.math.BigDecimal;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.hibernate.search.engine.spatial.GeoPoint;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Costs;
import uk.signpost.directory.InList;
import uk.signpost.directory.SameService;
import uk.signpost.directory.Service;
import uk.signpost.directory.Validity;

/**
 * Builds index documents from database rows, a batch of services at a time, in one query
 * per table (never one per service).
 */
@Component
class ServiceDocuments {

	/** Statuses a resident can still use. Inactive and defunct services are not found. */
	static final List<String> FINDABLE = List.of("active", Service.TEMPORARILY_CLOSED);

	private static final Pattern WHEELCHAIR = Pattern
		.compile("wheelchair access|wheelchair-access|step-free|step free|level access|ramp", Pattern.CASE_INSENSITIVE);

	private static final Pattern NOT_WHEELCHAIR = Pattern.compile("not wheelchair|no wheelchair|not step-free",
			Pattern.CASE_INSENSITIVE);

	private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	static final List<String> DAY_NAMES = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday");

	private final JdbcTemplate jdbc;

	private final ObjectProvider<SameService> sameService;

	ServiceDocuments(JdbcTemplate jdbc, ObjectProvider<SameService> sameService) {
		this.jdbc = jdbc;
		this.sameService = sameService;
	}

	/**
	 * A location is a venue (in the index's venue list) when it is not virtual and has
	 * coordinates.
	 */
	static boolean isVenue(String locationType, boolean placed) {
		return placed && !"virtual".equals(locationType);
	}

	/**
	 * The service_at_location id of each service's venues, in the order the index holds
	 * their points, for the API to name the venues it measured from the index.
	 */
	Map<String, List<String>> venueIds(Collection<String> serviceIds) {
		Map<String, List<String>> ids = new HashMap<>();
		for (List<String> chunk : InList.chunks(serviceIds)) {
			this.jdbc.query("SELECT sal.service_id, sal.id, l.location_type, l.latitude, l.longitude "
					+ "FROM service_at_location sal JOIN location l ON l.id = sal.location_id WHERE sal.service_id IN ("
					+ InList.placeholders(chunk.size()) + ") ORDER BY sal.service_id, sal.position", rs -> {
						boolean placed = rs.getObject(4) != null && rs.getObject(5) != null;
						if (isVenue(rs.getString(3), placed)) {
							ids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
						}
					}, chunk.toArray());
		}
		return ids;
	}

	/**
	 * Ids of every service that belongs in the index, in the order the database stores
	 * them: a batch of neighbours then reads neighbouring pages (their rows were written
	 * together), where id order read the whole database at random.
	 */
	void eachFindableId(Consumer<String> consumer) {
		this.jdbc.query("SELECT s.id FROM service s WHERE " + Service.FINDABLE, rs -> {
			consumer.accept(rs.getString(1));
		});
	}

	/**
	 * Documents for those of ids that belong in the index; the rest (withdrawn, inactive,
	 * gone) are left out, so the caller can delete them.
	 */
	Map<String, ServiceDocument> build(Collection<String> ids, Terms terms) {
		Map<String, ServiceDocument> documents = new LinkedHashMap<>();
		for (List<String> chunk : InList.chunks(ids)) {
			build(chunk, terms, documents);
		}
		group(documents, terms);
		return documents;
	}

	/**
	 * Copies of one service a curator confirmed (ADR 0016): each copy another leads is
	 * marked, for the search page to leave out, and the lead carries the others' words,
	 * so the group is found by any copy's words and shown once.
	 */
	private void group(Map<String, ServiceDocument> documents, Terms terms) {
		SameService same = this.sameService.getIfAvailable();
		if (same == null || documents.isEmpty()) {
			return;
		}
		Map<String, SameService.Group> groups = same.groups(documents.keySet());
		Set<String> others = new LinkedHashSet<>();
		groups.forEach((id, group) -> {
			if (group.lead().equals(id)) {
				others.addAll(group.others(id));
			}
		});
		Map<String, ServiceDocument> followers = new HashMap<>();
		for (List<String> chunk : InList.chunks(others)) {
			build(chunk, terms, followers);
		}
		groups.forEach((id, group) -> {
			ServiceDocument document = documents.get(id);
			document.follows = group.follows(id);
			if (!document.follows) {
				group.others(id).stream().map(followers::get).filter(other -> other != null).forEach(other -> {
					document.sameServiceText.addAll(other.text);
					document.sameServiceNames.addAll(other.names);
				});
			}
		});
	}

	/**
	 * These services and every copy of the same service (findable or not): a group's lead
	 * may change with any of them, so they are indexed together.
	 */
	Collection<String> withSameService(Collection<String> ids) {
		SameService same = this.sameService.getIfAvailable();
		return same == null ? ids : same.related(ids);
	}

	private void build(List<String> ids, Terms terms, Map<String, ServiceDocument> documents) {
		String in = " IN (" + InList.placeholders(ids.size()) + ")";
		Object[] args = ids.toArray();
		Map<String, String> fees = new HashMap<>();
		this.jdbc.query("SELECT s.id, s.publisher_id, s.name, s.alternate_name, s.description, "
				+ "s.eligibility_description, s.minimum_age, s.maximum_age, s.fees, s.status, o.name, "
				+ "s.organization_id, COALESCE(s.last_modified, s.imported_at) "
				+ "FROM service s LEFT JOIN organization o ON o.id = s.organization_id WHERE " + Service.FINDABLE
				+ " AND s.id" + in, rs -> {
					ServiceDocument document = new ServiceDocument();
					document.id = rs.getString(1);
					document.publisherId = rs.getString(2);
					document.name = rs.getString(3);
					document.alternateName = rs.getString(4);
					document.description = rs.getString(5);
					document.eligibilityDescription = rs.getString(6);
					int minimum = rs.getInt(7);
					document.minimumAge = rs.wasNull() ? 0 : minimum;
					int maximum = rs.getInt(8);
					document.maximumAge = rs.wasNull() ? 130 : maximum;
					fees.put(document.id, rs.getString(9));
					document.status = rs.getString(10);
					document.organizationName = rs.getString(11);
					document.organizationId = rs.getString(12);
					document.lastModified = rs.getTimestamp(13).getTime();
					documents.put(document.id, document);
				}, args);
		if (documents.isEmpty()) {
			return;
		}
		this.jdbc.query("SELECT service_id, taxonomy_term_id FROM attribute WHERE taxonomy_term_id IS NOT NULL "
				+ "AND service_id" + in, rs -> {
					ServiceDocument document = documents.get(rs.getString(1));
					if (document != null) {
						terms.describe(rs.getString(2), document);
					}
				}, args);
		// Built for today: the daily re-queue in SearchIndex catches rows whose dates
		// turn.
		LocalDate today = LocalDate.now(uk.signpost.directory.Validity.UK);
		Map<String, List<Boolean>> costs = new HashMap<>();
		this.jdbc.query("SELECT service_id, amount, amount_description, valid_from, valid_to FROM cost_option "
				+ "WHERE service_id" + in, rs -> {
					if (Validity.current(date(rs.getDate(4)), date(rs.getDate(5)), today)) {
						costs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
							.add(Costs.isFree(rs.getBigDecimal(2), rs.getString(3)));
					}
				}, args);
		documents.values()
			.forEach(document -> document.free = Costs.isFree(costs.getOrDefault(document.id, List.of()),
					fees.get(document.id)));
		this.jdbc.query("SELECT service_id, name, code FROM language WHERE phone_id IS NULL AND service_id" + in,
				rs -> {
					ServiceDocument document = documents.get(rs.getString(1));
					String name = rs.getString(2) != null ? rs.getString(2) : rs.getString(3);
					if (document != null && name != null && !name.isBlank()) {
						String label = name.strip();
						label = label.substring(0, 1).toUpperCase(Locale.UK) + label.substring(1);
						if (!document.language.contains(label)) {
							document.language.add(label);
						}
					}
				}, args);
		this.jdbc.query("SELECT sal.service_id, l.id, l.location_type, l.latitude, l.longitude, "
				+ "(SELECT MAX(a.description || ' ' || COALESCE(a.details, '')) FROM accessibility a "
				+ "WHERE a.location_id = l.id) FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
				+ "WHERE sal.service_id" + in + " ORDER BY sal.service_id, sal.position", rs -> {
					ServiceDocument document = documents.get(rs.getString(1));
					if (document == null) {
						return;
					}
					document.locations++;
					String type = rs.getString(3);
					double latitude = rs.getDouble(4);
					boolean placed = !rs.wasNull();
					double longitude = rs.getDouble(5);
					placed = placed && !rs.wasNull();
					if ("virtual".equals(type)) {
						addOnce(document.delivery, Delivery.ONLINE);
					}
					else {
						addOnce(document.delivery, Delivery.IN_PERSON);
					}
					if (isVenue(type, placed)) {
						document.venue.add(GeoPoint.of(latitude, longitude));
					}
					String access = rs.getString(6);
					if (access != null && WHEELCHAIR.matcher(access).find() && !NOT_WHEELCHAIR.matcher(access).find()) {
						document.wheelchair = true;
					}
				}, args);
		this.jdbc.query("SELECT service_id, freq, byday, opens_at, closes_at, valid_from, valid_to FROM schedule "
				+ "WHERE service_id" + in, rs -> {
					ServiceDocument document = documents.get(rs.getString(1));
					if (document != null && Validity.current(date(rs.getDate(6)), date(rs.getDate(7)), today)) {
						open(document, rs.getString(2), rs.getString(3), time(rs.getTime(4)), time(rs.getTime(5)));
					}
				}, args);
		this.jdbc.query("SELECT service_id, name FROM service_area WHERE name IS NOT NULL AND service_id" + in, rs -> {
			ServiceDocument document = documents.get(rs.getString(1));
			if (document != null) {
				document.serviceArea.add(rs.getString(2).strip().toLowerCase(Locale.UK));
			}
		}, args);
		Set<String> phoned = new java.util.HashSet<>(this.jdbc
			.queryForList("SELECT DISTINCT service_id FROM phone WHERE service_id" + in, String.class, args));
		for (ServiceDocument document : documents.values()) {
			if (document.delivery.isEmpty()) {
				// Nothing says how: no venue and no delivery term. A phone number is the
				// way in.
				document.delivery.add(phoned.contains(document.id) ? Delivery.PHONE : Delivery.ONLINE);
			}
			document.complete();
		}
	}

	private static LocalDate date(java.sql.Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static LocalTime time(Time time) {
		return time == null ? null : time.toLocalTime();
	}

	/**
	 * Reads a weekly schedule into open days and open quarter-hours. Monthly and other
	 * rules give the days but no hours, as "open now" cannot be known from them.
	 */
	static void open(ServiceDocument document, String freq, String byday, LocalTime opens, LocalTime closes) {
		if (opens != null) {
			addOnce(document.opensAt, opens.toSecondOfDay() / 60);
		}
		if (closes != null) {
			addOnce(document.closesAt, closes.toSecondOfDay() / 60);
		}
		if (byday == null || byday.isBlank()) {
			return;
		}
		boolean weekly = freq == null || freq.equalsIgnoreCase("WEEKLY");
		for (String part : byday.split(",")) {
			String code = part.strip().toUpperCase(Locale.UK);
			if (code.length() < 2) {
				continue;
			}
			int day = DAYS.indexOf(code.substring(code.length() - 2));
			if (day < 0) {
				continue;
			}
			addOnce(document.openDay, DAY_NAMES.get(day));
			boolean everyWeek = weekly && code.length() == 2;
			if (everyWeek && opens != null && closes != null && closes.isAfter(opens)) {
				int from = opens.toSecondOfDay() / 900;
				int to = (closes.toSecondOfDay() + 899) / 900;
				document.openQuarters.set(day * 96 + from, day * 96 + to);
			}
		}
	}

	/** The quarter-hour of the week it is now in the UK, as "open now" is indexed. */
	static int slotNow(java.time.Clock clock) {
		java.time.ZonedDateTime now = uk.signpost.directory.Validity.now(clock);
		return slot(now.getDayOfWeek(), now.toLocalTime());
	}

	static int slot(java.time.DayOfWeek day, LocalTime time) {
		return (day.getValue() - 1) * 96 + time.toSecondOfDay() / 900;
	}

	private static <T> void addOnce(List<T> list, T value) {
		if (!list.contains(value)) {
			list.add(value);
		}
	}

	/** Loads every taxonomy term once, to name a service's terms and their parents. */
	Terms terms() {
		Map<String, String[]> terms = new HashMap<>();
		this.jdbc.query("SELECT id, name, parent_id, taxonomy_id FROM taxonomy_term", rs -> {
			terms.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
		});
		return new Terms(terms);
	}

	/** Taxonomy terms by id: name and parent id. */
	record Terms(Map<String, String[]> byId) {

		void describe(String termId, ServiceDocument document) {
			String[] term = this.byId.get(termId);
			if (term == null) {
				return;
			}
			String mode = Delivery.ofTerm(term[0]);
			if (mode != null) {
				addOnce(document.delivery, mode);
				addOnce(document.termId, termId);
				if (term[2] != null) {
					addOnce(document.taxonomyId, term[2]);
				}
				return;
			}
			Set<String> path = new LinkedHashSet<>();
			String root = null;
			String id = termId;
			// Walk up to the root; a cycle in a feed's parent links stops the walk.
			while (id != null && term != null && path.add(term[0])) {
				root = term[0];
				addOnce(document.termId, id);
				if (term[2] != null) {
					addOnce(document.taxonomyId, term[2]);
				}
				id = term[1];
				term = id == null ? null : this.byId.get(id);
			}
			for (String name : path) {
				addOnce(document.taxonomy, name);
			}
			if (root != null) {
				addOnce(document.category, root);
			}
		}

	}

}
