package uk.signpost.ingest;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.LocationRepository;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid records are skipped and reported; broken feeds change nothing. */

class BadInputTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@Autowired
	LocationRepository locations;

	@Autowired
	ImportRunRepository runs;

	@TempDir
	Path folder;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	private ImportReport importPage(String... services) throws Exception {
		Path file = Feeds.write(this.folder, "feed.json", Feeds.page(services));
		return this.importer.importFeed(new FeedSource.Files(file), "council", "Council");
	}

	private static String with(String field, String json) {
		return Feeds.service("bad", "Bad service")
			.replaceFirst("\\{", "{ \"" + field + "\": " + json + ",")
			.replaceFirst("(\"" + field + "\": [^\\n]*\\n[^\\n]*?)\"" + field + "\": [^,]*,", "$1");
	}

	@Test
	void eachInvalidRecordIsSkippedWithWhereAndWhyWhileValidOnesLand() throws Exception {
		String tooLong = "x".repeat(20001);
		ImportReport report = importPage(Feeds.service("good-1", "Good one"),
				Feeds.service("no-name", "").replace("\"name\": \"\",", ""),
				"{\"name\": \"No id\", \"status\": \"active\"}",
				Feeds.service("age-type", "Age as words")
					.replace("\"minimum_age\": 18", "\"minimum_age\": \"eighteen\""),
				Feeds.service("age-range", "Ages reversed").replace("\"minimum_age\": 18", "\"minimum_age\": 100"),
				Feeds.service("status", "Odd status").replace("\"status\": \"active\"", "\"status\": \"open-ish\""),
				Feeds.service("date", "Bad date")
					.replace("\"assured_date\": \"2026-03-03\"", "\"assured_date\": \"3rd March\""),
				Feeds.service("long", "Too long").replace("Free food parcels for people in crisis.", tooLong),
				Feeds.service("time", "Bad time").replace("\"opens_at\": \"10:00:00\"", "\"opens_at\": \"ten\""),
				Feeds.service("list", "Schedules not a list").replace("\"schedules\": [", "\"schedules\": 7, \"x\": ["),
				"42", Feeds.service("good-2", "Good two"));

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(this.services.count()).isEqualTo(2);
		assertThat(report.servicesCreated()).isEqualTo(2);
		assertThat(report.servicesSkipped()).isEqualTo(9);
		assertThat(report.problems()).filteredOn(Problem::isError)
			.extracting(Problem::recordId, Problem::path)
			.contains(org.assertj.core.groups.Tuple.tuple("no-name", "feed.json $.contents[1].name"),
					org.assertj.core.groups.Tuple.tuple(null, "feed.json $.contents[2].id"),
					org.assertj.core.groups.Tuple.tuple("age-type", "feed.json $.contents[3].minimum_age"),
					org.assertj.core.groups.Tuple.tuple("age-range", "feed.json $.contents[4].minimum_age"),
					org.assertj.core.groups.Tuple.tuple("status", "feed.json $.contents[5].status"),
					org.assertj.core.groups.Tuple.tuple("date", "feed.json $.contents[6].assured_date"),
					org.assertj.core.groups.Tuple.tuple("long", "feed.json $.contents[7].description"),
					org.assertj.core.groups.Tuple.tuple("time", "feed.json $.contents[8].schedules[0].opens_at"),
					org.assertj.core.groups.Tuple.tuple("list", "feed.json $.contents[9].schedules"),
					org.assertj.core.groups.Tuple.tuple(null, "feed.json $.contents[10]"));
		assertThat(report.problems()).filteredOn(p -> "age-range".equals(p.recordId()))
			.extracting(Problem::reason)
			.containsExactly("minimum age 100 is more than maximum age 99");

		// The report is stored with its problems, for curators to read later.
		ImportReport stored = this.runs.findLatest("council").orElseThrow();
		assertThat(stored.servicesSkipped()).isEqualTo(9);
		assertThat(stored.problems()).hasSameSizeAs(report.problems());
	}

	@Test
	void badOptionalValuesAreDroppedWithAWarningAndTheRecordKept() throws Exception {
		String service = Feeds.service("odd", "Odd values")
			.replace("\"latitude\": 53.7632", "\"latitude\": 100")
			.replace("\"url\": \"https://foodbank.example.org\"", "\"url\": \"javascript:alert(1)\"")
			.replace("\"email\": \"help@foodbank.example.org\"", "\"email\": \"not an email\"")
			.replace("\"status\": \"active\",", "");

		ImportReport report = importPage(service);

		assertThat(report.servicesCreated()).isEqualTo(1);
		assertThat(report.errorCount()).isZero();
		assertThat(report.problems()).extracting(Problem::path)
			.containsExactlyInAnyOrder("feed.json $.contents[0].url", "feed.json $.contents[0].email",
					"feed.json $.contents[0].status",
					"feed.json $.contents[0].service_at_locations[0].location.latitude");
		Service stored = this.services.findByPublisherIdAndSourceId("council", "odd").orElseThrow();
		assertThat(stored.url()).isNull();
		assertThat(stored.email()).isNull();
		assertThat(stored.status()).isEqualTo("active");
		assertThat(this.locations.findById(stored.serviceAtLocations().get(0).locationId()).orElseThrow().latitude())
			.isNull();
	}

	@Test
	void malformedJsonChangesNothingAndSaysWhere() throws Exception {
		importPage(Feeds.service("keep-1", "Kept"), Feeds.service("keep-2", "Kept too"));
		String before = TestDirectory.snapshot(this.jdbc);

		// The first records are fine; the file breaks part-way, after they were read and
		// written.
		String broken = Feeds
			.page(Feeds.service("keep-1", "Renamed"), Feeds.service("new-1", "New"), Feeds.service("new-2", "New"))
			.replace("\"name\": \"New\",", "\"name\": \"New\" oops,");
		Path file = Feeds.write(this.folder, "broken.json", broken);
		ImportReport report = this.importer.importFeed(new FeedSource.Files(file), "council", "Council");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).startsWith("broken.json is not valid JSON at line ");
		assertThat(TestDirectory.snapshot(this.jdbc)).isEqualTo(before);
		assertThat(this.runs.findLatest("council").orElseThrow().outcome()).isEqualTo(ImportReport.Outcome.FAILED);
	}

	@Test
	void aTruncatedFileChangesNothing() throws Exception {
		importPage(Feeds.service("keep-1", "Kept"));
		String before = TestDirectory.snapshot(this.jdbc);
		String page = Feeds.page(Feeds.service("a", "A"), Feeds.service("b", "B"));
		Path file = Feeds.write(this.folder, "cut.json", page.substring(0, page.length() * 3 / 4));

		ImportReport report = this.importer.importFeed(new FeedSource.Files(file), "council", "Council");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).contains("cut.json is not valid JSON");
		assertThat(TestDirectory.snapshot(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aBrokenLaterFileChangesNothingEvenAfterSeveralBatchesOfGoodOnes() throws Exception {
		importPage(Feeds.service("keep-1", "Kept"));
		String before = TestDirectory.snapshot(this.jdbc);
		Path feed = Files.createDirectories(this.folder.resolve("feed"));
		// More than one write batch in the first file: it would be written before the
		// second file is reached, were files not checked first.
		String[] many = new String[600];
		for (int i = 0; i < many.length; i++) {
			many[i] = Feeds.service("many-" + i, "Service " + i);
		}
		Feeds.write(feed, "1-good.json", Feeds.page(many));
		Feeds.write(feed, "2-broken.json", Feeds.page(Feeds.service("x", "X")).replace("\"X\"", "X\""));

		ImportReport report = this.importer.importFeed(new FeedSource.Files(feed), "council", "Council");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).startsWith("2-broken.json is not valid JSON at line ");
		assertThat(TestDirectory.snapshot(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aMissingFileOrEmptyFolderIsAClearFailure() throws Exception {
		ImportReport missing = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("nope.json")),
				"council", "Council");
		assertThat(missing.failure()).endsWith("nope.json is not a file or folder");
		Path empty = Files.createDirectories(this.folder.resolve("empty"));
		ImportReport none = this.importer.importFeed(new FeedSource.Files(empty), "council", "Council");
		assertThat(none.failure()).endsWith("has no .json files");
		assertThat(this.services.count()).isZero();
	}

}
