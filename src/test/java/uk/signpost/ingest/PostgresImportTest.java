package uk.signpost.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

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
		assertThat(this.jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
		// Migration 4 finds PostgreSQL's names for the keys as it finds H2's.
		TestDirectory.assertOwnedRowsKeyedByOwner(this.jdbc);
		assertThat(TestDirectory.foreignKeys(this.jdbc, "service", "organization_id")).hasSize(1);
		assertThat(TestDirectory.foreignKeys(this.jdbc, "service_at_location", "location_id")).hasSize(1);
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
		// Withdrawing 1 of 1 is past the share an import may withdraw by itself.
		ImportReport withdrawn = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("other.json")),
				"council", null, true);
		assertThat(withdrawn.servicesWithdrawn()).isEqualTo(1);
		assertThat(this.services.findById(service.id()).orElseThrow().isWithdrawn()).isTrue();
		assertThat(TestDirectory.orphans(this.jdbc)).as("rows whose record is not there").isEmpty();
	}

	/**
	 * Values PostgreSQL refuses (a NUL in text) or no column holds (numbers past their
	 * range) skip only their record, or are cleaned, and the rest import.
	 */
	@Test
	void valuesPostgresWouldRefuseSkipOnlyTheirRecord() throws Exception {
		List<String> feed = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			feed.add(Feeds.service("svc-" + i, "Service " + i));
		}
		feed.set(100, Feeds.service("nul", "Name with a NUL\\u0000 in it"));
		feed.set(101, Feeds.service("huge", "Huge age").replace("\"minimum_age\": 18", "\"minimum_age\": 99999999999"));
		feed.set(102, Feeds.service("cost", "Huge cost").replace("\"amount\": 0", "\"amount\": 1e20"));
		Feeds.write(this.folder, "refused.json", "[" + String.join(",", feed) + "]");

		ImportReport report = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("refused.json")),
				"refused", null);

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(298);
		assertThat(report.servicesSkipped()).isEqualTo(2);
		assertThat(this.services.findByPublisherIdAndSourceId("refused", "nul").orElseThrow().name())
			.isEqualTo("Name with a NUL in it");
	}

	/**
	 * The driver rewrites JDBC batches into multi-row INSERTs (reWriteBatchedInserts):
	 * text with quotes, commas, line breaks, backslashes, the word NULL and characters
	 * outside Latin-1 must come back exactly, as must decimals, dates, times and
	 * instants, over enough services to fill a rewritten batch.
	 */
	@Test
	void awkwardValuesInLargeBatchesComeBackExactly() throws Exception {
		String awkward = "Say \"hello\", then\nleave; C:\\temp\\ \\.\n\\.\nNULL, \\N and £ café 日本 🙂";
		List<String> feed = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			feed.add(Feeds.service("svc-" + i, "Service " + i)
				.replace("\"Free food parcels for people in crisis.\"", jsonText(awkward + " " + i))
				.replace("\"amount\": 0", "\"amount\": 12.50")
				.replace("\"opens_at\": \"10:00:00\"", "\"opens_at\": \"09:45:00\"")
				.replace("\"last_modified\": \"2026-03-03T10:15:00Z\"",
						"\"last_modified\": \"2026-03-03T10:15:00.123456Z\""));
		}
		Feeds.write(this.folder, "awkward.json", "[" + String.join(",", feed) + "]");

		ImportReport report = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("awkward.json")),
				"awkward", null);

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(40);
		for (int i = 0; i < 40; i++) {
			Service service = this.services.findByPublisherIdAndSourceId("awkward", "svc-" + i).orElseThrow();
			assertThat(service.description()).isEqualTo(awkward.strip() + " " + i);
			assertThat(service.lastModified()).isEqualTo(Instant.parse("2026-03-03T10:15:00.123456Z"));
			assertThat(service.assuredDate()).isEqualTo(LocalDate.of(2026, 3, 3));
			assertThat(service.minimumAge()).isEqualTo(18);
			assertThat(service.costOptions().get(0).amount()).isEqualByComparingTo("12.50");
			assertThat(service.schedules().get(0).opensAt()).isEqualTo(LocalTime.of(9, 45));
			assertThat(service.phones().get(0).number()).isEqualTo("01632 960123");
			assertThat(service.contacts().get(0).title()).isNull();
		}
		assertThat(
				this.jdbc.queryForObject("SELECT latitude FROM location WHERE publisher_id = 'awkward'", Double.class))
			.isEqualTo(53.7632);
	}

	private static String jsonText(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
	}

}
