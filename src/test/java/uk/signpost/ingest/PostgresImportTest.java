package uk.signpost.ingest;

import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same schema and code on a real PostgreSQL server. Runs in the 'postgres' Maven
 * profile; .ci/run starts a server on loopback and sets SIGNPOST_DB_URL and
 * SIGNPOST_DB_USER.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
class PostgresImportTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@TempDir
	Path folder;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	@Test
	void runsOnPostgres() throws Exception {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
	}

	@Test
	void importsReimportsAndWithdrawsAsOnH2() throws Exception {
		DemoDirectory.write(this.folder.resolve("demo"), 600, 3L, LocalDate.of(2026, 11, 1));

		ImportReport first = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("demo")), "demo", null);
		ImportReport again = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("demo")), "demo", null);

		assertThat(first.succeeded()).as(first.summary()).isTrue();
		assertThat(first.servicesCreated()).isEqualTo(600);
		assertThat(again.servicesUnchanged()).isEqualTo(600);

		Feeds.write(this.folder, "one.json", Feeds.service("svc-1", "Preston Foodbank"));
		this.importer.importFeed(new FeedSource.Files(this.folder.resolve("one.json")), "council", null);
		Service service = this.services.findByPublisherIdAndSourceId("council", "svc-1").orElseThrow();
		assertThat(service.schedules().get(0).interval()).isEqualTo(1);
		assertThat(service.costOptions()).hasSize(1);
		assertThat(service.contacts()).hasSize(1);

		Feeds.write(this.folder, "other.json", Feeds.service("svc-2", "Other"));
		ImportReport withdrawn = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("other.json")),
				"council", null);
		assertThat(withdrawn.servicesWithdrawn()).isEqualTo(1);
		assertThat(this.services.findById(service.id()).orElseThrow().isWithdrawn()).isTrue();
	}

}
