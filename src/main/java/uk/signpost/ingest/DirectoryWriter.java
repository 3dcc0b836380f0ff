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
import uk.signpost.directory.OrukTable;

/**
 * Writes what the importer read, many records at a time with JDBC batches. A record whose
 * content hash is unchanged is left alone; a changed one has its root updated and its
 * children replaced. Each batch runs inside its own transaction, opened by the importer.
 */
@Component
class DirectoryWriter {

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
		// Services counted as created, updated or unchanged: a later copy of one an
		// earlier batch wrote is counted as repeated only.
		Set<String> counted = new HashSet<>();
		for (ImportItem item : items) {
			// The first copy of a record in a feed stands; a later one only fills in the
			// lists it left out (ADR 0011).
			item.organizations.forEach(o -> organizations.merge(o.id(), o, Aggregate::filledFrom));
			item.locations.forEach(l -> locations.merge(l.id(), l, Aggregate::filledFrom));
			item.taxonomies.stream()
				.filter(t -> !run.taxonomies.contains(t.id()))
				.forEach(t -> taxonomies.putIfAbsent(t.id(), t));
			item.taxonomyTerms.stream()
				.filter(t -> !run.taxonomyTerms.contains(t.id()))
				.forEach(t -> terms.putIfAbsent(t.id(), t));
			for (Aggregate service : item.services) {
				services.merge(service.id(), service, Aggregate::filledFrom);
				if (!item.repeated.contains(service.id())) {
					counted.add(service.id());
				}
			}
		}
		Written written = new Written();
		Counts organizationCounts = upsert(OrukTable.ORGANIZATION, fillingIn(organizations, run, written));
		written.organizationsWritten = organizationCounts.changed().size();
		written.organizations.addAll(organizations.keySet());
		Counts locationCounts = upsert(OrukTable.LOCATION, fillingIn(locations, run, written));
		written.locationsWritten = locationCounts.changed().size();
		written.locations.addAll(locations.keySet());
		upsertRows(OrukTable.TAXONOMY, taxonomies.values());
		written.taxonomies.addAll(taxonomies.keySet());
		Counts termCounts = upsertRows(OrukTable.TAXONOMY_TERM, terms.values());
		written.taxonomyTermsWritten = termCounts.changed().size();
		written.taxonomyTerms.addAll(terms.keySet());

		services.keySet().forEach(written.services::add);
		List<Aggregate> resolved = resolveReferences(fillingIn(services, run, written), run, written);
		Counts counts = upsert(OrukTable.SERVICE, resolved);
		written.servicesCreated = (int) counts.created().stream().filter(counted::contains).count();
		written.servicesUpdated = (int) counts.updated().stream().filter(counted::contains).count();
		written.servicesUnchanged = (int) resolved.stream().filter(s -> counted.contains(s.id())).count()
				- written.servicesCreated - written.servicesUpdated;

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

	/**
	 * The records to write: a record an earlier batch of this import wrote comes back
	 * with only the lists no copy before it gave, or not at all. What each record has
	 * been given by this import is noted in written.
	 */
	private static List<Aggregate> fillingIn(Map<String, Aggregate> records, ImportRun run, Written written) {
		List<Aggregate> write = new ArrayList<>(records.size());
		for (Aggregate record : records.values()) {
			Set<String> given = run.given.get(record.id());
			Aggregate rest = given == null ? record : record.without(given);
			written.given(rest == null ? record : rest, given);
			if (rest != null) {
				write.add(rest);
			}
		}
		return write;
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
			List<Row> atLocations = service.lists().get("service_at_locations");
			if (atLocations == null) {
				resolved.add(service);
				continue;
			}
			List<Row> kept = new ArrayList<>(atLocations.size());
			Set<String> dropped = new HashSet<>();
			for (Row child : atLocations) {
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
				kept.add(child);
			}
			Map<String, List<Row>> lists = new LinkedHashMap<>(service.lists());
			lists.put("service_at_locations", kept);
			resolved.add(new Aggregate(service.root(), lists, service.contentHash(), service.parts()));
		}
		return resolved;
	}

	record Counts(List<String> created, List<String> updated) {

		/** The ids created or updated. */
		List<String> changed() {
			List<String> changed = new ArrayList<>(this.created);
			changed.addAll(this.updated);
			return changed;
		}

	}

	/** parts: null when written before parts were kept (V7). */
	private record Stored(String hash, Map<String, String> parts, boolean withdrawn) {

		/**
		 * What the record will be once this copy is applied: the copy's parts over those
		 * stored; parts written before they were kept are unknown.
		 */
		Map<String, String> with(Aggregate copy) {
			Map<String, String> parts = new LinkedHashMap<>();
			if (this.parts == null) {
				parts.put(Aggregate.RECORD, Aggregate.UNKNOWN);
				copy.omitted().forEach(list -> parts.put(list, Aggregate.UNKNOWN));
			}
			else {
				parts.putAll(this.parts);
			}
			parts.putAll(copy.parts());
			return parts;
		}

		boolean unchangedBy(Aggregate copy, Map<String, String> after) {
			// Stored before parts were kept: unchanged only if the feed said the same.
			return !this.withdrawn
					&& (this.parts == null ? this.hash.equals(copy.contentHash()) : this.parts.equals(after));
		}

	}

	private Counts upsert(OrukTable record, Collection<Aggregate> aggregates) {
		if (aggregates.isEmpty()) {
			return new Counts(List.of(), List.of());
		}
		String table = record.table();
		boolean withdrawable = !table.startsWith("taxonomy");
		boolean hasLists = !RecordLists.of(table).isEmpty();
		Map<String, Stored> stored = new HashMap<>();
		for (List<String> chunk : InList.chunks(aggregates.stream().map(Aggregate::id).toList())) {
			this.jdbc.query("SELECT id, content_hash" + (withdrawable ? ", withdrawn_at" : "")
					+ (hasLists ? ", content_parts" : "") + " FROM " + table + " WHERE id IN ("
					+ InList.placeholders(chunk.size()) + ")", rs -> {
						stored.put(rs.getString(1),
								new Stored(rs.getString(2), hasLists ? Aggregate.parse(rs.getString(4)) : null,
										withdrawable && rs.getObject(3) != null));
					}, chunk.toArray());
		}
		List<Row> inserts = new ArrayList<>();
		List<Aggregate> updates = new ArrayList<>();
		List<Aggregate> written = new ArrayList<>();
		for (Aggregate aggregate : aggregates) {
			Stored before = stored.get(aggregate.id());
			Map<String, String> parts = before == null ? aggregate.parts() : before.with(aggregate);
			if (before != null && before.unchangedBy(aggregate, parts)) {
				continue;
			}
			Row root = aggregate.root();
			if (aggregate.contentHash() != null) {
				root.put("content_hash", aggregate.contentHash());
			}
			if (hasLists) {
				root.put("content_parts", Aggregate.format(parts));
			}
			if (withdrawable) {
				root.put("withdrawn_at", null);
			}
			if (before == null) {
				inserts.add(root);
				written.add(aggregate);
			}
			else {
				updates.add(aggregate);
			}
		}
		List<String> replaced = updates.stream().map(Aggregate::id).toList();
		// The lists an update leaves out keep their rows: read them, so that every row
		// is written again in one numbering.
		written.addAll(withKeptLists(record, updates));
		String owner = table + "_id";
		for (OrukTable owned : record.ownedRows()) {
			for (List<String> chunk : InList.chunks(replaced)) {
				this.jdbc.update("DELETE FROM " + owned.table() + " WHERE " + owner + " IN ("
						+ InList.placeholders(chunk.size()) + ")", chunk.toArray());
			}
		}
		List<Row> children = new ArrayList<>();
		for (Aggregate aggregate : written) {
			for (Row child : aggregate.children()) {
				child.put(owner, aggregate.id());
				children.add(child);
			}
		}
		insert(inserts);
		update(updates.stream().map(Aggregate::root).toList());
		insert(children);
		return new Counts(inserts.stream().map(Row::id).toList(), replaced);
	}

	/**
	 * The updates, each with the rows stored for the lists it leaves out. A language of a
	 * phone goes with its phone's list.
	 */
	private List<Aggregate> withKeptLists(OrukTable record, List<Aggregate> updates) {
		Map<String, Aggregate> leavingOut = new LinkedHashMap<>();
		updates.stream().filter(u -> !u.omitted().isEmpty()).forEach(u -> leavingOut.put(u.id(), u));
		if (leavingOut.isEmpty()) {
			return updates;
		}
		String owner = record.table() + "_id";
		Map<String, List<Row>> storedRows = new HashMap<>();
		for (OrukTable owned : record.ownedRows()) {
			for (List<String> chunk : InList.chunks(leavingOut.keySet())) {
				for (Map<String, Object> columns : this.jdbc.queryForList(
						"SELECT * FROM " + owned.table() + " WHERE " + owner + " IN ("
								+ InList.placeholders(chunk.size()) + ") ORDER BY " + owner + ", position",
						chunk.toArray())) {
					Row row = new Row(owned.table());
					columns.forEach((column, value) -> row.put(column.toLowerCase(java.util.Locale.ROOT), value));
					storedRows.computeIfAbsent((String) row.get(owner), k -> new ArrayList<>()).add(row);
				}
			}
		}
		List<Aggregate> merged = new ArrayList<>(updates.size());
		for (Aggregate update : updates) {
			if (!leavingOut.containsKey(update.id())) {
				merged.add(update);
				continue;
			}
			List<Row> rows = storedRows.getOrDefault(update.id(), List.of());
			Map<Object, Row> phones = new HashMap<>();
			rows.stream().filter(r -> r.table().equals("phone")).forEach(r -> phones.put(r.id(), r));
			Map<String, List<Row>> kept = new LinkedHashMap<>();
			List<String> omitted = update.omitted();
			for (Row row : rows) {
				String list = RecordLists.listOf(row, phones);
				if (omitted.contains(list)) {
					kept.computeIfAbsent(list, k -> new ArrayList<>()).add(row);
				}
			}
			merged.add(new Aggregate(update.root(), kept, null, Map.of()).with(update));
		}
		return merged;
	}

	/**
	 * Taxonomies and terms have no children; a term arrives inside every service that
	 * uses it, so it is hashed from its values here and written only when new or changed.
	 */
	private Counts upsertRows(OrukTable table, Collection<Row> rows) {
		List<Aggregate> aggregates = rows.stream().map(row -> {
			Map<String, Object> values = new LinkedHashMap<>(row.asMap());
			values.remove("imported_at");
			values.remove("content_hash");
			return Aggregate.of(row, Map.of(), RecordReader.hash(values.toString()));
		}).toList();
		return upsert(table, aggregates);
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
