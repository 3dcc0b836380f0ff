package uk.signpost.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.InList;

/**
 * Writes what the importer read, many records at a time with JDBC batches. A record whose
 * content hash is unchanged is left alone; a changed one has its root updated and its
 * children replaced. Each batch runs inside its own transaction, opened by the importer.
 */
@Component
class DirectoryWriter {

	static final List<String> SERVICE_CHILDREN = List.of("service_at_location", "schedule", "service_area", "language",
			"funding", "cost_option", "contact", "phone", "required_document", "attribute", "metadata");

	static final List<String> LOCATION_CHILDREN = List.of("address", "accessibility");

	static final List<String> ORGANIZATION_CHILDREN = List.of("organization_identifier");

	private final JdbcTemplate jdbc;

	DirectoryWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes one batch of items inside the caller's transaction; run says what this
	 * import has already written, and is not changed here: what this batch wrote comes
	 * back, for the caller to add to the run once the transaction has committed. Every
	 * service whose search entry may have changed is put on the search backlog in the
	 * same transaction.
	 */
	Written write(List<ImportItem> items, ImportRun run) {
		Map<String, Aggregate> organizations = new LinkedHashMap<>();
		Map<String, Aggregate> locations = new LinkedHashMap<>();
		Map<String, Row> taxonomies = new LinkedHashMap<>();
		Map<String, Row> terms = new LinkedHashMap<>();
		Map<String, Aggregate> services = new LinkedHashMap<>();
		for (ImportItem item : items) {
			item.organizations.stream()
				.filter(o -> !run.organizations.contains(o.id()))
				.forEach(o -> organizations.putIfAbsent(o.id(), o));
			item.locations.stream()
				.filter(l -> !run.locations.contains(l.id()))
				.forEach(l -> locations.putIfAbsent(l.id(), l));
			item.taxonomies.stream()
				.filter(t -> !run.taxonomies.contains(t.id()))
				.forEach(t -> taxonomies.putIfAbsent(t.id(), t));
			item.taxonomyTerms.stream()
				.filter(t -> !run.taxonomyTerms.contains(t.id()))
				.forEach(t -> terms.putIfAbsent(t.id(), t));
			item.services.forEach(s -> services.put(s.id(), s));
		}
		Written written = new Written();
		Counts organizationCounts = upsert("organization", organizations.values(), ORGANIZATION_CHILDREN);
		written.organizationsWritten = organizationCounts.changed().size();
		written.organizations.addAll(organizations.keySet());
		Counts locationCounts = upsert("location", locations.values(), LOCATION_CHILDREN);
		written.locationsWritten = locationCounts.changed().size();
		written.locations.addAll(locations.keySet());
		upsertRows("taxonomy", taxonomies.values());
		written.taxonomies.addAll(taxonomies.keySet());
		Counts termCounts = upsertRows("taxonomy_term", terms.values());
		written.taxonomyTermsWritten = termCounts.changed().size();
		written.taxonomyTerms.addAll(terms.keySet());

		List<Aggregate> resolved = resolveReferences(services.values(), run, written);
		Counts counts = upsert("service", resolved, SERVICE_CHILDREN);
		written.servicesCreated = counts.created();
		written.servicesUpdated = counts.updated();
		written.servicesUnchanged = counts.unchanged();
		resolved.forEach(s -> written.services.add(s.id()));

		Set<String> stale = new LinkedHashSet<>(counts.changed());
		stale.addAll(idsWhere("SELECT id FROM service WHERE organization_id", organizationCounts.changed()));
		stale
			.addAll(idsWhere("SELECT service_id FROM service_at_location WHERE location_id", locationCounts.changed()));
		// A term's parent may arrive after services that use the term were indexed (a
		// taxonomy file read after the services): they are named through it, so they are
		// stale too, down every level.
		stale.addAll(idsWhere("SELECT service_id FROM attribute WHERE taxonomy_term_id",
				withDescendants(termCounts.changed())));
		queueForSearch(stale);
		return written;
	}

	/** These taxonomy terms and every term under them. */
	private List<String> withDescendants(List<String> terms) {
		Set<String> all = new LinkedHashSet<>(terms);
		Set<String> level = new LinkedHashSet<>(terms);
		// A feed's parent links may loop; a taxonomy is never this deep.
		for (int depth = 0; depth < 20 && !level.isEmpty(); depth++) {
			Set<String> children = idsWhere("SELECT id FROM taxonomy_term WHERE parent_id", level);
			children.removeAll(all);
			all.addAll(children);
			level = children;
		}
		return List.copyOf(all);
	}

	/**
	 * The ids a query finds for any of these ids (the query ends with the column): the
	 * services whose rows point at them, or the terms under them.
	 */
	private Set<String> idsWhere(String query, Collection<String> ids) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : InList.chunks(ids)) {
			found.addAll(this.jdbc.queryForList(query + " IN (" + InList.placeholders(chunk.size()) + ")", String.class,
					chunk.toArray()));
		}
		return found;
	}

	/**
	 * Puts services on the search backlog, in the caller's transaction: the index takes
	 * them from there, and deletes them only once it has committed them (ADR 0008).
	 */
	void queueForSearch(Collection<String> serviceIds) {
		this.jdbc.batchUpdate("INSERT INTO search_backlog (service_id) VALUES (?)",
				serviceIds.stream().map(id -> new Object[] { id }).toList());
	}

	/**
	 * A service may point at an organisation or location by id alone. If neither this
	 * feed nor the database has it, the link is dropped with a warning rather than
	 * failing the whole import.
	 */
	private List<Aggregate> resolveReferences(Collection<Aggregate> services, ImportRun run, Written written) {
		Set<String> organizationIds = new HashSet<>();
		Set<String> locationIds = new HashSet<>();
		for (Aggregate service : services) {
			Object organizationId = service.root().get("organization_id");
			if (organizationId != null && !run.organizations.contains(organizationId)
					&& !written.organizations.contains(organizationId)) {
				organizationIds.add((String) organizationId);
			}
			for (Row child : service.children()) {
				if (child.table().equals("service_at_location") && !run.locations.contains(child.get("location_id"))
						&& !written.locations.contains(child.get("location_id"))) {
					locationIds.add((String) child.get("location_id"));
				}
			}
		}
		Set<String> knownOrganizations = existing("organization", organizationIds);
		Set<String> knownLocations = existing("location", locationIds);
		List<Aggregate> resolved = new ArrayList<>(services.size());
		for (Aggregate service : services) {
			String sourceId = (String) service.root().get("source_id");
			Object organizationId = service.root().get("organization_id");
			if (organizationIds.contains(organizationId) && !knownOrganizations.contains(organizationId)) {
				written.problems.add(Problem.warning(sourceId, "$.organization_id",
						"the organisation it names is not in this feed or the directory; kept without one"));
				service.root().put("organization_id", null);
			}
			List<Row> children = new ArrayList<>(service.children().size());
			Set<String> dropped = new HashSet<>();
			for (Row child : service.children()) {
				if (child.table().equals("service_at_location") && locationIds.contains(child.get("location_id"))
						&& !knownLocations.contains(child.get("location_id"))) {
					written.problems.add(Problem.warning(sourceId, "$.service_at_locations",
							"a location it names is not in this feed or the directory; left out"));
					dropped.add(child.id());
					continue;
				}
				if (child.table().equals("schedule") && dropped.contains(child.get("service_at_location_id"))) {
					child.put("service_at_location_id", null);
				}
				children.add(child);
			}
			resolved.add(new Aggregate(service.root(), children, service.contentHash()));
		}
		return resolved;
	}

	/** changed: the ids created or updated. */
	record Counts(int created, int updated, int unchanged, List<String> changed) {

	}

	private record Stored(String hash, boolean withdrawn) {
	}

	private Counts upsert(String table, Collection<Aggregate> aggregates, List<String> childTables) {
		if (aggregates.isEmpty()) {
			return new Counts(0, 0, 0, List.of());
		}
		Map<String, Stored> stored = new HashMap<>();
		for (List<String> chunk : InList.chunks(aggregates.stream().map(Aggregate::id).toList())) {
			boolean withdrawable = !table.startsWith("taxonomy");
			this.jdbc.query("SELECT id, content_hash" + (withdrawable ? ", withdrawn_at" : "") + " FROM " + table
					+ " WHERE id IN (" + InList.placeholders(chunk.size()) + ")", rs -> {
						stored.put(rs.getString(1),
								new Stored(rs.getString(2), withdrawable && rs.getObject(3) != null));
					}, chunk.toArray());
		}
		List<Row> inserts = new ArrayList<>();
		List<Row> updates = new ArrayList<>();
		List<Row> children = new ArrayList<>();
		String owner = table + "_id";
		for (Aggregate aggregate : aggregates) {
			Stored before = stored.get(aggregate.id());
			if (before != null && before.hash().equals(aggregate.contentHash()) && !before.withdrawn()) {
				continue;
			}
			Row root = aggregate.root();
			root.put("content_hash", aggregate.contentHash());
			if (!table.startsWith("taxonomy")) {
				root.put("withdrawn_at", null);
			}
			(before == null ? inserts : updates).add(root);
			for (Row child : aggregate.children()) {
				child.put(owner, aggregate.id());
				children.add(child);
			}
		}
		List<String> replaced = updates.stream().map(Row::id).toList();
		for (String childTable : childTables) {
			for (List<String> chunk : InList.chunks(replaced)) {
				this.jdbc.update("DELETE FROM " + childTable + " WHERE " + owner + " IN ("
						+ InList.placeholders(chunk.size()) + ")", chunk.toArray());
			}
		}
		insert(inserts);
		update(updates);
		insert(children);
		List<String> changed = new ArrayList<>(inserts.size() + updates.size());
		inserts.forEach(row -> changed.add(row.id()));
		changed.addAll(replaced);
		return new Counts(inserts.size(), updates.size(), aggregates.size() - inserts.size() - updates.size(), changed);
	}

	/**
	 * Taxonomies and terms have no children; a term arrives inside every service that
	 * uses it, so it is hashed from its values here and written only when new or changed.
	 */
	private Counts upsertRows(String table, Collection<Row> rows) {
		List<Aggregate> aggregates = rows.stream().map(row -> {
			Map<String, Object> values = new LinkedHashMap<>(row.asMap());
			values.remove("imported_at");
			values.remove("content_hash");
			return new Aggregate(row, List.of(), RecordReader.hash(values.toString()));
		}).toList();
		return upsert(table, aggregates, List.of());
	}

	/** The publisher's services still listed that are not among those seen. */
	List<String> missing(String publisherId, Set<String> seen) {
		List<String> gone = new ArrayList<>();
		this.jdbc.query("SELECT id FROM service WHERE publisher_id = ? AND withdrawn_at IS NULL", rs -> {
			String id = rs.getString(1);
			if (!seen.contains(id)) {
				gone.add(id);
			}
		}, publisherId);
		return gone;
	}

	void withdraw(List<String> ids, Instant now) {
		List<Object[]> args = ids.stream().map(id -> new Object[] { utc(now), id }).toList();
		this.jdbc.batchUpdate("UPDATE service SET withdrawn_at = ? WHERE id = ?", args);
		queueForSearch(ids);
	}

	private Set<String> existing(String table, Collection<String> ids) {
		return idsWhere("SELECT id FROM " + table + " WHERE id", ids);
	}

	private void insert(List<Row> rows) {
		Times times = new Times();
		for (Map.Entry<String, List<Row>> group : bySql(rows, this::insertSql).entrySet()) {
			this.jdbc.batchUpdate(group.getKey(), group.getValue().stream().map(r -> values(r, false, times)).toList());
		}
	}

	private void update(List<Row> rows) {
		Times times = new Times();
		for (Map.Entry<String, List<Row>> group : bySql(rows, this::updateSql).entrySet()) {
			this.jdbc.batchUpdate(group.getKey(), group.getValue().stream().map(r -> values(r, true, times)).toList());
		}
	}

	private static Map<String, List<Row>> bySql(List<Row> rows, java.util.function.Function<Row, String> sql) {
		Map<String, List<Row>> groups = new LinkedHashMap<>();
		for (Row row : rows) {
			groups.computeIfAbsent(sql.apply(row), k -> new ArrayList<>()).add(row);
		}
		return groups;
	}

	/**
	 * SQL by table and column names in order. Looked up for each of millions of rows: the
	 * key wraps the row's own column names rather than joining them into a string (which
	 * took a tenth of the writing).
	 */
	private final Map<Columns, String> insertSql = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<Columns, String> updateSql = new java.util.concurrent.ConcurrentHashMap<>();

	private String insertSql(Row row) {
		return cached(this.insertSql, row,
				() -> "INSERT INTO " + row.table() + " ("
						+ row.asMap().keySet().stream().map(c -> '"' + c + '"').collect(Collectors.joining(", "))
						+ ") VALUES (" + InList.placeholders(row.asMap().size()) + ")");
	}

	private String updateSql(Row row) {
		return cached(this.updateSql, row,
				() -> "UPDATE " + row.table() + " SET "
						+ row.asMap()
							.keySet()
							.stream()
							.filter(c -> !c.equals("id"))
							.map(c -> '"' + c + "\" = ?")
							.collect(Collectors.joining(", "))
						+ " WHERE id = ?");
	}

	private static String cached(Map<Columns, String> cache, Row row, java.util.function.Supplier<String> sql) {
		String found = cache.get(new Columns(row.table(), row.asMap().keySet()));
		if (found == null) {
			found = sql.get();
			cache.put(new Columns(row.table(), List.copyOf(row.asMap().keySet())), found);
		}
		return found;
	}

	/** A table and its column names, equal only in the same order. */
	private record Columns(String table, java.util.Collection<String> names) {

		@Override
		public int hashCode() {
			int hash = this.table.hashCode();
			for (String name : this.names) {
				hash = 31 * hash + name.hashCode();
			}
			return hash;
		}

		@Override
		public boolean equals(Object other) {
			if (!(other instanceof Columns that) || !this.table.equals(that.table)
					|| this.names.size() != that.names.size()) {
				return false;
			}
			java.util.Iterator<String> mine = this.names.iterator();
			for (String name : that.names) {
				if (!name.equals(mine.next())) {
					return false;
				}
			}
			return true;
		}

	}

	private static Object[] values(Row row, boolean idLast, Times times) {
		List<Object> values = new ArrayList<>(row.asMap().size());
		for (Map.Entry<String, Object> entry : row.asMap().entrySet()) {
			if (!(idLast && entry.getKey().equals("id"))) {
				values.add(entry.getValue() instanceof Instant instant ? times.utc(instant) : entry.getValue());
			}
		}
		if (idLast) {
			values.add(row.id());
		}
		return values.toArray();
	}

	/**
	 * Instants as UTC date-times, the last one remembered: nearly every row carries the
	 * run's start as imported_at, and converting it afresh each time was a tenth of the
	 * writing.
	 */
	private static final class Times {

		private Instant last;

		private OffsetDateTime lastUtc;

		OffsetDateTime utc(Instant instant) {
			if (!instant.equals(this.last)) {
				this.last = instant;
				this.lastUtc = DirectoryWriter.utc(instant);
			}
			return this.lastUtc;
		}

	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
