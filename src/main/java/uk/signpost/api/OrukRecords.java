package uk.signpost.api;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.InList;
import uk.signpost.directory.OrukTable;
import uk.signpost.directory.SameService;

/**
 * Directory records in the ORUK 3.0 shape, read straight from the tables, whose columns
 * carry ORUK's field names. A page of records costs one query per table, whatever its
 * size, not one per record and child table. Fields with no value are left out, as the
 * ORUK examples do; Signpost's own columns (publisher, source id, hashes, import times)
 * never appear.
 */
@Component
class OrukRecords {

	/** A service's one-to-one fields, in ORUK's order. */
	static final List<String> SERVICE = fields(OrukTable.SERVICE);

	/**
	 * Signpost's extension field on a service (ADR 0016): the ids of the other findable
	 * records, from other publishers, that a curator confirmed describe the same service.
	 * Left out when there are none. ORUK's schemas allow fields of one's own.
	 */
	static final String SAME_SERVICE_AS = "signpost_same_service_as";

	/**
	 * The ORUK fields of a table that the API writes, in ORUK's order, with the owner's
	 * key first for owned rows. A switch over every table, so a new one does not compile
	 * until it says what it gives.
	 */
	static List<String> fields(OrukTable table) {
		return switch (table) {
			case SERVICE -> List.of("id", "organization_id", "name", "alternate_name", "description", "url", "email",
					"status", "interpretation_services", "application_process", "fees", "accreditations",
					"eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email",
					"licenses", "alert", "last_modified");
			case ORGANIZATION -> List.of("id", "name", "alternate_name", "description", "email", "website", "logo",
					"uri", "legal_status", "year_incorporated", "parent_organization_id");
			case LOCATION ->
				List.of("id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
						"transportation", "latitude", "longitude", "external_identifier", "external_identifier_type");
			case TAXONOMY_TERM -> List.of("id", "code", "name", "description", "parent_id", "taxonomy", "taxonomy_id",
					"language", "term_uri");
			case TAXONOMY -> List.of("id", "name", "description", "uri", "version");
			case ORGANIZATION_IDENTIFIER ->
				List.of("id", "organization_id", "identifier_scheme", "identifier_type", "identifier");
			case ADDRESS -> List.of("id", "location_id", "attention", "address_1", "address_2", "city", "region",
					"state_province", "postal_code", "country", "address_type");
			case ACCESSIBILITY -> List.of("id", "location_id", "description", "details", "url");
			case SERVICE_AT_LOCATION -> List.of("id", "service_id", "location_id", "description");
			case SCHEDULE -> List.of("id", "service_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
					"timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
					"byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes");
			case SERVICE_AREA -> List.of("id", "service_id", "name", "description", "extent", "extent_type", "uri");
			case LANGUAGE -> List.of("id", "service_id", "phone_id", "name", "code", "note");
			case FUNDING -> List.of("id", "service_id", "source");
			case COST_OPTION -> List.of("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
					"amount_description");
			case REQUIRED_DOCUMENT -> List.of("id", "service_id", "document", "uri");
			case METADATA -> List.of("id", "service_id", "resource_id", "resource_type", "last_action_date",
					"last_action_type", "field_name", "previous_value", "replacement_value", "updated_by");
			case PHONE -> List.of("id", "service_id", "contact_id", "number", "extension", "type", "description");
			case CONTACT -> List.of("id", "service_id", "name", "title", "department", "email");
			case ATTRIBUTE ->
				List.of("id", "service_id", "link_type", "link_entity", "taxonomy_term_id", "value", "label");
		};
	}

	/** Column names that are SQL keywords, quoted in the schema. */
	private static final Set<String> QUOTED = Set.of("count", "interval", "option", "value");

	private final JdbcTemplate jdbc;

	private final ObjectProvider<SameService> sameService;

	OrukRecords(JdbcTemplate jdbc, ObjectProvider<SameService> sameService) {
		this.jdbc = jdbc;
		this.sameService = sameService;
	}

	/** Each service's {@link #SAME_SERVICE_AS}, when it has one. */
	private List<Map<String, Object>> withSameService(List<Map<String, Object>> services) {
		SameService same = this.sameService.getIfAvailable();
		if (same == null || services.isEmpty()) {
			return services;
		}
		Map<String, SameService.Group> groups = same
			.groups(services.stream().map(service -> (String) service.get("id")).toList());
		for (Map<String, Object> service : services) {
			SameService.Group group = groups.get((String) service.get("id"));
			if (group != null) {
				service.put(SAME_SERVICE_AS, group.others((String) service.get("id")));
			}
		}
		return services;
	}

	/** Whether a record is here, and whether its publisher withdrew it. */
	enum Presence {

		MISSING, WITHDRAWN, PRESENT

	}

	Presence presence(String table, String id) {
		List<Boolean> withdrawn = this.jdbc
			.queryForList("SELECT withdrawn_at IS NOT NULL FROM " + table + " WHERE id = ?", Boolean.class, id);
		return withdrawn.isEmpty() ? Presence.MISSING : withdrawn.get(0) ? Presence.WITHDRAWN : Presence.PRESENT;
	}

	/** The one-to-one fields of these services, in the order of ids. */
	List<Map<String, Object>> summaries(List<String> ids) {
		return withSameService(inOrder(ids, rows("service", SERVICE, "id", ids)));
	}

	/** These services whole, in the order of ids. */
	List<Map<String, Object>> full(List<String> ids) {
		Map<String, List<Map<String, Object>>> services = rows("service", SERVICE, "id", ids);
		Map<String, Map<String, List<Map<String, Object>>>> children = new HashMap<>();
		for (OrukTable table : OrukTable.SERVICE.ownedRows()) {
			children.put(table.table(), owned(table, ids));
		}
		Map<String, Map<String, Object>> organizations = organizations(ids(services.values(), "organization_id"),
				false);
		Map<String, Map<String, Object>> locations = locations(
				ids(children.get("service_at_location").values(), "location_id"));
		Map<String, Map<String, Object>> terms = new HashMap<>();
		terms(List.copyOf(ids(children.get("attribute").values(), "taxonomy_term_id")))
			.forEach(term -> terms.put((String) term.get("id"), term));

		List<Map<String, Object>> whole = new ArrayList<>();
		for (Map<String, Object> service : inOrder(ids, services)) {
			String id = (String) service.get("id");
			Function<String, List<Map<String, Object>>> own = table -> children.get(table).getOrDefault(id, List.of());
			Map<String, Object> organization = organizations.get(service.get("organization_id"));
			if (organization != null) {
				service.put("organization", organization);
			}
			List<Map<String, Object>> schedules = own.apply("schedule");
			List<Map<String, Object>> sals = new ArrayList<>();
			for (Map<String, Object> sal : own.apply("service_at_location")) {
				Map<String, Object> item = new Json(sal);
				Map<String, Object> location = locations.get(sal.get("location_id"));
				if (location != null) {
					item.put("location", location);
				}
				List<Map<String, Object>> its = schedules.stream()
					.filter(s -> sal.get("id").equals(s.get("service_at_location_id")))
					.toList();
				if (!its.isEmpty()) {
					item.put("schedules", its);
				}
				sals.add(item);
			}
			service.put("service_at_locations", sals);
			service.put("schedules", schedules.stream().filter(s -> !s.containsKey("service_at_location_id")).toList());
			service.put("service_areas", own.apply("service_area"));
			service.put("languages", own.apply("language"));
			service.put("funding", own.apply("funding"));
			service.put("cost_options", own.apply("cost_option"));
			List<Map<String, Object>> phones = own.apply("phone");
			service.put("contacts", own.apply("contact").stream().map(contact -> {
				Map<String, Object> item = new Json(contact);
				item.put("phones", phones.stream().filter(p -> contact.get("id").equals(p.get("contact_id"))).map(p -> {
					Map<String, Object> phone = new Json(p);
					phone.remove("service_id");
					return phone;
				}).toList());
				return item;
			}).toList());
			service.put("phones", phones.stream().filter(p -> !p.containsKey("contact_id")).toList());
			service.put("required_documents", own.apply("required_document"));
			service.put("attributes", own.apply("attribute").stream().map(attribute -> {
				Map<String, Object> item = new Json();
				item.put("id", attribute.get("id"));
				item.put("link_id", id);
				item.put("link_type", attribute.get("link_type"));
				item.put("link_entity", attribute.getOrDefault("link_entity", "service"));
				item.put("taxonomy_term_id", attribute.get("taxonomy_term_id"));
				item.put("value", attribute.get("value"));
				item.put("label", attribute.get("label"));
				item.put("taxonomy_term", terms.get(attribute.get("taxonomy_term_id")));
				return item;
			}).toList());
			service.put("metadata", own.apply("metadata").stream().map(metadata -> {
				Map<String, Object> item = new Json(metadata);
				item.remove("service_id");
				return item;
			}).toList());
			whole.add(service);
		}
		return withSameService(whole);
	}

	/** A service's one-to-one fields taken from its whole record, with its extension. */
	static Map<String, Object> summary(Map<String, Object> full) {
		Map<String, Object> summary = new Json();
		SERVICE.forEach(field -> summary.put(field, full.get(field)));
		summary.put(SAME_SERVICE_AS, full.get(SAME_SERVICE_AS));
		return summary;
	}

	/**
	 * Organisations by id, with their identifiers unless summary is set (ORUK's
	 * organisation list has only the one-to-one fields).
	 */
	Map<String, Map<String, Object>> organizations(Collection<String> ids, boolean summary) {
		Map<String, Map<String, Object>> organizations = first(
				rows("organization", fields(OrukTable.ORGANIZATION), "id", ids));
		Map<String, List<Map<String, Object>>> identifiers = summary ? Map.of()
				: owned(OrukTable.ORGANIZATION_IDENTIFIER, ids);
		organizations.forEach((id, organization) -> {
			// ORUK requires a description.
			organization.putIfAbsent("description", "");
			if (!summary) {
				organization.put("organization_identifiers", identifiers.getOrDefault(id, List.of()));
			}
		});
		return organizations;
	}

	Map<String, Map<String, Object>> locations(Collection<String> ids) {
		Map<String, Map<String, Object>> locations = first(rows("location", fields(OrukTable.LOCATION), "id", ids));
		Map<String, List<Map<String, Object>>> addresses = owned(OrukTable.ADDRESS, ids);
		Map<String, List<Map<String, Object>>> accessibility = owned(OrukTable.ACCESSIBILITY, ids);
		locations.forEach((id, location) -> {
			location.put("addresses", addresses.getOrDefault(id, List.of()));
			location.put("accessibility", accessibility.getOrDefault(id, List.of()));
		});
		return locations;
	}

	List<Map<String, Object>> terms(List<String> ids) {
		List<Map<String, Object>> terms = inOrder(ids,
				rows("taxonomy_term", fields(OrukTable.TAXONOMY_TERM), "id", ids));
		// ORUK requires a description.
		terms.forEach(term -> term.putIfAbsent("description", ""));
		return terms;
	}

	/** Taxonomies in the order of ids; with terms set, each with its terms inside. */
	List<Map<String, Object>> taxonomies(List<String> ids, boolean terms) {
		List<Map<String, Object>> taxonomies = inOrder(ids, rows("taxonomy", fields(OrukTable.TAXONOMY), "id", ids));
		Map<String, List<Map<String, Object>>> byTaxonomy = terms
				? rows("taxonomy_term", fields(OrukTable.TAXONOMY_TERM), "taxonomy_id", ids, "name, id") : Map.of();
		for (Map<String, Object> taxonomy : taxonomies) {
			taxonomy.putIfAbsent("description", "");
			if (terms) {
				List<Map<String, Object>> its = byTaxonomy.getOrDefault(taxonomy.get("id"), List.of());
				its.forEach(term -> term.putIfAbsent("description", ""));
				taxonomy.put("taxonomy_terms", its);
			}
		}
		return taxonomies;
	}

	/**
	 * One page of ids of a table's rows that meet condition, in id order, and how many.
	 */
	record IdPage(long total, List<String> ids) {
	}

	IdPage page(String table, String condition, int page, int perPage) {
		String where = condition == null ? "" : " WHERE " + condition;
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + where, Long.class);
		List<String> ids = this.jdbc.queryForList("SELECT id FROM " + table + where + " ORDER BY id LIMIT ? OFFSET ?",
				String.class, perPage, (long) (page - 1) * perPage);
		return new IdPage(total == null ? 0 : total, ids);
	}

	Optional<String> serviceIdOfServiceAtLocation(String id) {
		return this.jdbc.queryForList("SELECT service_id FROM service_at_location WHERE id = ?", String.class, id)
			.stream()
			.findFirst();
	}

	/**
	 * When the service's record last changed here, counting its organisation, locations
	 * and taxonomy terms, which are records of their own.
	 */
	Instant lastChanged(String serviceId) {
		Object latest = this.jdbc.queryForObject("""
				SELECT MAX(t) FROM (
				  SELECT imported_at t FROM service WHERE id = ?
				  UNION ALL SELECT o.imported_at FROM organization o JOIN service s ON s.organization_id = o.id
				    WHERE s.id = ?
				  UNION ALL SELECT l.imported_at FROM location l JOIN service_at_location sal ON sal.location_id = l.id
				    WHERE sal.service_id = ?
				  UNION ALL SELECT tt.imported_at FROM taxonomy_term tt JOIN attribute a ON a.taxonomy_term_id = tt.id
				    WHERE a.service_id = ?) changes""", Object.class, serviceId, serviceId, serviceId, serviceId);
		return instant(latest);
	}

	/** Rows of table whose key is one of keys, grouped by key, ordered by order. */
	private Map<String, List<Map<String, Object>>> rows(String table, List<String> fields, String key,
			Collection<String> keys, String order) {
		Map<String, List<Map<String, Object>>> rows = new HashMap<>();
		List<String> all = keys.stream().filter(Objects::nonNull).distinct().toList();
		String columns = String.join(", ", fields.stream().map(f -> QUOTED.contains(f) ? "\"" + f + "\"" : f).toList());
		for (List<String> chunk : InList.chunks(all)) {
			this.jdbc.query("SELECT " + key + " AS owner_key, " + columns + " FROM " + table + " WHERE " + key + " IN ("
					+ InList.placeholders(chunk.size()) + ")"
					+ (order == null ? "" : " ORDER BY " + key + ", " + order), rs -> {
						rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(json(rs, fields));
					}, chunk.toArray());
		}
		return rows;
	}

	private Map<String, List<Map<String, Object>>> rows(String table, List<String> fields, String key,
			Collection<String> keys) {
		return rows(table, fields, key, keys, null);
	}

	/** The rows of an owned table that these owners hold, grouped by owner, in order. */
	private Map<String, List<Map<String, Object>>> owned(OrukTable table, Collection<String> owners) {
		return rows(table.table(), fields(table), table.ownerKey(), owners, "position");
	}

	private static Map<String, Object> json(ResultSet rs, List<String> fields) throws SQLException {
		Map<String, Object> json = new Json();
		for (int i = 0; i < fields.size(); i++) {
			json.put(fields.get(i), value(rs.getObject(i + 2)));
		}
		return json;
	}

	/** A column's value as the API writes it: dates and times in ISO 8601. */
	private static Object value(Object value) {
		if (value instanceof Date date) {
			return date.toLocalDate();
		}
		if (value instanceof Time time) {
			return time.toLocalTime();
		}
		if (value instanceof Timestamp || value instanceof OffsetDateTime) {
			return DateTimeFormatter.ISO_INSTANT.format(instant(value));
		}
		if (value instanceof BigDecimal || value instanceof Number || value instanceof String
				|| value instanceof Boolean || value == null) {
			return value;
		}
		return value.toString();
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant();
		}
		return null;
	}

	private static List<Map<String, Object>> inOrder(List<String> ids, Map<String, List<Map<String, Object>>> rows) {
		return ids.stream().map(rows::get).filter(Objects::nonNull).map(list -> list.get(0)).toList();
	}

	private static Map<String, Map<String, Object>> first(Map<String, List<Map<String, Object>>> rows) {
		Map<String, Map<String, Object>> first = new HashMap<>();
		rows.forEach((id, list) -> first.put(id, list.get(0)));
		return first;
	}

	private static Set<String> ids(Collection<List<Map<String, Object>>> rows, String field) {
		Set<String> ids = new LinkedHashSet<>();
		rows.forEach(list -> list.forEach(row -> {
			if (row.get(field) != null) {
				ids.add((String) row.get(field));
			}
		}));
		return ids;
	}

	/** A JSON object that keeps field order and leaves out fields with no value. */
	static final class Json extends LinkedHashMap<String, Object> {

		Json() {
		}

		Json(Map<String, Object> copy) {
			super(copy);
		}

		@Override
		public Object put(String key, Object value) {
			return value == null ? null : super.put(key, value);
		}

	}

}
