package uk.signpost.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 4: a record's own rows (a service's phones, schedules, ...; a location's
 * addresses; an organisation's identifiers) lose their foreign key to the record that
 * owns them, and are keyed by (owner, id) instead of id, which also serves the owner
 * index they had. Those rows are only ever written, replaced and read together with their
 * owner, in one transaction, by {@code DirectoryWriter}, and the key and the second index
 * were most of the database's work on a first import. Keys between records that are
 * written on their own (service to organisation, service at location to location, every
 * record to its publisher) stay. See docs/adr/0007-owned-rows.md.
 *
 * <p>
 * Written in Java because H2 names constraints itself (CONSTRAINT_8A…) and PostgreSQL
 * differently, so each database is asked for its names.
 */
@Component
public class OwnedRowsMigration implements JavaMigration {

	/**
	 * A table of rows that belong to one record, the column that names it, and whether
	 * the rows are keyed by it.
	 */
	private record Owned(String table, String column, boolean keyedByOwner) {

		Owned(String table, String column) {
			this(table, column, true);
		}

	}

	/**
	 * The owned tables as version 3 left them. Written out, not taken from
	 * {@link OrukTable}: a migration does what it did when it shipped, and a table added
	 * later is created keyed by its owner, after this runs. The tests check the schema
	 * against OrukTable.
	 */
	private static final List<Owned> OWNED = List.of(new Owned("organization_identifier", "organization_id"),
			new Owned("address", "location_id"), new Owned("accessibility", "location_id"),
			// Keyed by id: the API finds one by it (/service_at_locations/{id}).
			new Owned("service_at_location", "service_id", false), new Owned("schedule", "service_id"),
			new Owned("service_area", "service_id"), new Owned("language", "service_id"),
			new Owned("funding", "service_id"), new Owned("cost_option", "service_id"),
			new Owned("contact", "service_id"), new Owned("phone", "service_id"),
			new Owned("required_document", "service_id"), new Owned("attribute", "service_id"),
			new Owned("metadata", "service_id"));

	private static final String CONSTRAINTS = """
			SELECT tc.constraint_name FROM information_schema.table_constraints tc
			JOIN information_schema.key_column_usage k
			  ON k.constraint_schema = tc.constraint_schema AND k.constraint_name = tc.constraint_name
			WHERE tc.constraint_type = ? AND tc.table_schema = CURRENT_SCHEMA
			  AND LOWER(tc.table_name) = ? AND LOWER(k.column_name) = ?""";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("4");
	}

	@Override
	public String getDescription() {
		return "owned rows keyed by their owner";
	}

	@Override
	public Integer getChecksum() {
		// None, as for Flyway's own Java migrations: a new Java version never reads as a
		// changed migration.
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		for (Owned owned : OWNED) {
			List<String> changes = new ArrayList<>();
			for (String foreignKey : constraints(connection, "FOREIGN KEY", owned.table(), owned.column())) {
				changes.add("ALTER TABLE " + owned.table() + " DROP CONSTRAINT " + quoted(foreignKey));
			}
			if (owned.keyedByOwner()) {
				for (String primaryKey : constraints(connection, "PRIMARY KEY", owned.table(), "id")) {
					changes.add("ALTER TABLE " + owned.table() + " DROP CONSTRAINT " + quoted(primaryKey));
				}
				changes.add("ALTER TABLE " + owned.table() + " ADD PRIMARY KEY (" + owned.column() + ", id)");
				changes.add("DROP INDEX " + owned.table() + "_owner");
			}
			try (Statement statement = connection.createStatement()) {
				for (String change : changes) {
					statement.execute(change);
				}
			}
		}
	}

	/** The names of the foreign keys on one column: one, unless someone added another. */
	public static List<String> foreignKeys(Connection connection, String table, String column) throws SQLException {
		return constraints(connection, "FOREIGN KEY", table, column);
	}

	/** The columns of a table's primary key, in order. */
	public static List<String> primaryKey(Connection connection, String table) throws SQLException {
		// JDBC lists them by name; KEY_SEQ gives their place in the key.
		SortedMap<Short, String> columns = new TreeMap<>();
		try (ResultSet rows = connection.getMetaData().getPrimaryKeys(null, null, table)) {
			while (rows.next()) {
				columns.put(rows.getShort("KEY_SEQ"), rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return List.copyOf(columns.values());
	}

	private static List<String> constraints(Connection connection, String type, String table, String column)
			throws SQLException {
		List<String> names = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(CONSTRAINTS)) {
			query.setString(1, type);
			query.setString(2, table.toLowerCase(Locale.ROOT));
			query.setString(3, column.toLowerCase(Locale.ROOT));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					names.add(rows.getString(1));
				}
			}
		}
		return names;
	}

	private static String quoted(String name) {
		return '"' + name.replace("\"", "\"\"") + '"';
	}

}
