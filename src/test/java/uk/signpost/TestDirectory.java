package uk.signpost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.directory.OrukTable;
import uk.signpost.directory.OwnedRowsMigration;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for tests that read and reset the database. */
public final class TestDirectory {

	/** Every table, children first, so they can be emptied in this order. */
	public static final List<String> TABLES = tables();

	private TestDirectory() {
	}

	/** The gazetteer: derived from the directory and official files, not part of it. */
	public static final List<String> GAZETTEER = List.of("postcode", "outward_code", "place", "gazetteer_import");

	/** A new, empty data folder for a test application of its own. */
	public static java.nio.file.Path newDataDir(String prefix) {
		try {
			return java.nio.file.Files.createTempDirectory(prefix);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> tables() {
		List<String> tables = new ArrayList<>(List.of("import_problem", "import_run"));
		List<OrukTable> oruk = new ArrayList<>(List.of(OrukTable.values()));
		Collections.reverse(oruk);
		oruk.forEach(table -> tables.add(table.table()));
		tables.add("publisher");
		return List.copyOf(tables);
	}

	/**
	 * Imports a feed given as text, through the real importer, and checks it succeeded.
	 */
	public static uk.signpost.ingest.ImportReport load(uk.signpost.ingest.Importer importer, java.nio.file.Path dataDir,
			String publisher, String feed) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile(dataDir, "feed-", ".json");
		java.nio.file.Files.writeString(file, feed);
		uk.signpost.ingest.ImportReport report = importer.importFeed(new uk.signpost.ingest.FeedSource.Files(file),
				publisher, publisher);
		org.assertj.core.api.Assertions.assertThat(report.succeeded()).as(report.summary()).isTrue();
		return report;
	}

	public static void clear(JdbcTemplate jdbc) {
		TABLES.forEach(table -> jdbc.update("DELETE FROM " + table));
		GAZETTEER.forEach(table -> jdbc.update("DELETE FROM " + table));
		jdbc.update("DELETE FROM feedback");
		jdbc.update("DELETE FROM search_backlog");
	}

	/**
	 * A fingerprint of every row in the directory, to prove a failed import changed
	 * nothing.
	 */
	public static String snapshot(JdbcTemplate jdbc) {
		StringBuilder all = new StringBuilder();
		for (String table : TABLES) {
			if (table.startsWith("import_")) {
				continue;
			}
			all.append(table).append('\n');
			jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id").forEach(row -> all.append(row).append('\n'));
		}
		return all.toString();
	}

	/**
	 * Rows that belong to a record which is not there. The database no longer refuses
	 * them (docs/adr/0007-owned-rows.md), so tests look.
	 */
	public static Map<String, Integer> orphans(JdbcTemplate jdbc) {
		Map<String, Integer> orphans = new TreeMap<>();
		for (OrukTable owned : OrukTable.ownedTables()) {
			int count = count(jdbc, "SELECT COUNT(*) FROM " + owned.table() + " o WHERE NOT EXISTS (SELECT 1 FROM "
					+ owned.owner().table() + " r WHERE r.id = o." + owned.ownerKey() + ")");
			if (count > 0) {
				orphans.put(owned.table(), count);
			}
		}
		return orphans;
	}

	/** The names of the foreign keys on one column, as the database reports them. */
	public static List<String> foreignKeys(JdbcTemplate jdbc, String table, String column) {
		return jdbc.execute((ConnectionCallback<List<String>>) connection -> OwnedRowsMigration.foreignKeys(connection,
				table, column));
	}

	/** The columns of a table's primary key, in order. */
	public static List<String> primaryKey(JdbcTemplate jdbc, String table) {
		return jdbc
			.execute((ConnectionCallback<List<String>>) connection -> OwnedRowsMigration.primaryKey(connection, table));
	}

	/**
	 * Each owned table as OrukTable says and migration 4 left it: keyed by (owner, id),
	 * or by id where it says so, and without a foreign key to its owner.
	 */
	public static void assertOwnedRowsKeyedByOwner(JdbcTemplate jdbc) {
		for (OrukTable owned : OrukTable.ownedTables()) {
			assertThat(foreignKeys(jdbc, owned.table(), owned.ownerKey())).as(owned.table()).isEmpty();
			assertThat(primaryKey(jdbc, owned.table())).as(owned.table())
				.isEqualTo(owned.keyedByOwner() ? List.of(owned.ownerKey(), "id") : List.of("id"));
		}
	}

	public static int count(JdbcTemplate jdbc, String sql, Object... args) {
		Integer count = jdbc.queryForObject(sql, Integer.class, args);
		return count == null ? 0 : count;
	}

}
