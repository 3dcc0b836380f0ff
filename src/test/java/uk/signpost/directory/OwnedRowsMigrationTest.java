package uk.signpost.directory;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration 4 keys a record's own rows by their owner without a foreign key to it, and
 * leaves the keys between records (docs/adr/0007-owned-rows.md).
 */
class OwnedRowsMigrationTest extends DirectoryTest {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	@Test
	void ownedRowsAreKeyedByTheirOwnerWithoutAForeignKeyToIt() {
		assertThat(this.jdbc.queryForObject("SELECT success FROM \"flyway_schema_history\" WHERE \"version\" = '4'",
				Boolean.class))
			.isTrue();
		TestDirectory.assertOwnedRowsKeyedByOwner(this.jdbc);
	}

	@Test
	void referencesBetweenRecordsAreStillGuardedByTheDatabase() {
		assertThat(TestDirectory.foreignKeys(this.jdbc, "service", "organization_id")).hasSize(1);
		assertThat(TestDirectory.foreignKeys(this.jdbc, "service", "publisher_id")).hasSize(1);
		assertThat(TestDirectory.foreignKeys(this.jdbc, "service_at_location", "location_id")).hasSize(1);

		this.jdbc.update("INSERT INTO publisher (id, name, created_at) VALUES ('council', 'Council', ?)",
				Timestamp.from(Instant.now()));
		assertThatThrownBy(() -> this.jdbc.update(
				"INSERT INTO service (id, publisher_id, source_id, organization_id, name, status, content_hash, imported_at) "
						+ "VALUES ('s1', 'council', 's1', 'no-such-organisation', 'S', 'active', 'h', ?)",
				Timestamp.from(Instant.now())))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aDirectoryStoredBeforeKeepsEveryRowThroughTheMigration(@TempDir Path folder) {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:file:" + folder.resolve("db") + ";DATABASE_TO_LOWER=TRUE");
		Flyway.configure().dataSource(h2).target("3").load().migrate();
		JdbcTemplate before = new JdbcTemplate(h2);
		Timestamp now = Timestamp.from(Instant.now());
		before.update("INSERT INTO publisher (id, name, created_at) VALUES ('council', 'Council', ?)", now);
		before.update("INSERT INTO service (id, publisher_id, source_id, name, status, content_hash, imported_at) "
				+ "VALUES ('s1', 'council', 's1', 'S', 'active', 'h', ?)", now);
		before.update("INSERT INTO phone (id, service_id, position, number) VALUES ('p1', 's1', 0, '01772 000000'), "
				+ "('p2', 's1', 1, '01772 111111')");

		Flyway.configure().dataSource(h2).javaMigrations(new OwnedRowsMigration()).load().migrate();

		assertThat(
				before.queryForList("SELECT number FROM phone WHERE service_id = 's1' ORDER BY position", String.class))
			.containsExactly("01772 000000", "01772 111111");
		assertThat(TestDirectory.primaryKey(before, "phone")).containsExactly("service_id", "id");
		assertThatThrownBy(() -> before
			.update("INSERT INTO phone (id, service_id, position, number) VALUES ('p1', 's1', 2, '01772 222222')"))
			.as("still one row per id within a service")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

}
