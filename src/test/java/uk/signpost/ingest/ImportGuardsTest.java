package uk.signpost.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.search.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed never withdraws or half-writes a directory by mistake: mostly invalid feeds and
 * feeds that leave out much of a directory withdraw nothing, one bad value skips only its
 * record, repeated ids are reported, and the summary adds up, failed runs included.
 */
class ImportGuardsTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@Autowired
	SearchIndex index;

	@TempDir
	Path folder;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	@AfterEach
	void dropPoison() {
		this.jdbc.update("ALTER TABLE service DROP CONSTRAINT IF EXISTS test_no_poison");
	}

	private ImportReport importPage(boolean allowWithdraw, List<String> services) throws Exception {
		Path file = Feeds.write(this.folder, "feed.json", Feeds.page(services.toArray(String[]::new)));
		return this.importer.importFeed(new FeedSource.Files(file), "council", "Council", allowWithdraw);
	}

	private static List<String> services(int from, int to) {
		return IntStream.range(from, to).mapToObj(i -> Feeds.service("s" + i, "Service " + i)).toList();
	}

	private static void assertAddsUp(ImportReport report) {
		assertThat(report.servicesCreated() + report.servicesUpdated() + report.servicesUnchanged()
				+ report.servicesSkipped() + report.servicesRepeated())
			.as(report.summary())
			.isEqualTo(report.servicesRead());
		assertThat(report.summary()).doesNotContain("not written");
	}

	@Test
	void aFeedOfInvalidRecordsWithdrawsNothing() throws Exception {
		importPage(false, services(0, 10));
		List<String> broken = IntStream.range(0, 5)
			.mapToObj(i -> Feeds.service("x" + i, "Broken " + i).replaceFirst("\"id\":", "\"identifier\":"))
			.toList();

		ImportReport report = importPage(false, broken);

		assertThat(report.succeeded()).isTrue();
		assertThat(report.servicesSkipped()).isEqualTo(5);
		assertThat(report.servicesWithdrawn()).isZero();
		assertThat(report.servicesHeldBack()).isEqualTo(10);
		assertThat(report.problems()).anySatisfy(p -> assertThat(p.reason())
			.contains("only 0 of the 5 services in this feed were valid", "--allow-withdraw"));
		assertThat(report.summary()).contains("held back, not withdrawn: 10");
		assertThat(this.services.countActive()).isEqualTo(10);
		assertAddsUp(report);
	}

	@Test
	void aFeedLeavingOutMoreThanTheShareWithdrawsNothingUnlessAllowed() throws Exception {
		importPage(false, services(0, 10));

		ImportReport held = importPage(false, services(0, 7));
		assertThat(held.servicesWithdrawn()).isZero();
		assertThat(held.servicesHeldBack()).isEqualTo(3);
		assertThat(held.problems()).anySatisfy(p -> assertThat(p.reason())
			.contains("leaves out 3 of the publisher's 10 services (30%), more than the 20%"));
		assertThat(this.services.countActive()).isEqualTo(10);

		ImportReport small = importPage(false, services(0, 9));
		assertThat(small.servicesWithdrawn()).isEqualTo(1);

		ImportReport allowed = importPage(true, services(0, 6));
		assertThat(allowed.servicesWithdrawn()).isEqualTo(3);
		assertThat(this.services.countActive()).isEqualTo(6);
	}

	@Test
	void oneBadValueSkipsOnlyItsRecordAndSaysWhere() throws Exception {
		List<String> feed = new ArrayList<>(services(0, 600));
		feed.set(300,
				Feeds.service("huge-age", "Huge age").replace("\"minimum_age\": 18", "\"minimum_age\": 99999999999"));
		feed.set(301,
				Feeds.service("e-age", "Age in e notation").replace("\"minimum_age\": 18", "\"minimum_age\": 1e10"));
		feed.set(302, Feeds.service("huge-cost", "Huge cost").replace("\"amount\": 0", "\"amount\": 1e20"));
		feed.set(303, Feeds.service("nul", "Name with a NUL\\u0000 in it"));
		feed.set(304, Feeds.service("surrogate", "Broken \\ud800 text"));
		feed.set(305, Feeds.service("year", "Far future")
			.replace("\"assured_date\": \"2026-03-03\"", "\"assured_date\": \"+999999-03-03\""));

		ImportReport report = importPage(false, feed);

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesSkipped()).isEqualTo(4);
		assertThat(report.servicesCreated()).isEqualTo(596);
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.recordId()).isEqualTo("huge-age");
			assertThat(p.path()).isEqualTo("feed.json $.contents[300].minimum_age");
			assertThat(p.reason()).contains("too large");
		});
		assertThat(report.problems()).anySatisfy(p -> assertThat(p.path()).endsWith("[302].cost_options[0].amount"));
		assertThat(report.problems()).anySatisfy(p -> assertThat(p.path()).endsWith("[305].assured_date"));
		assertThat(this.services.findByPublisherIdAndSourceId("council", "nul").orElseThrow().name())
			.isEqualTo("Name with a NUL in it");
		assertThat(this.services.findByPublisherIdAndSourceId("council", "surrogate").orElseThrow().name())
			.isEqualTo("Broken \uFFFD text");
		assertAddsUp(report);
	}

	@Test
	void aRecordTheDatabaseRefusesIsSkippedAndTheRestOfItsBatchLands() throws Exception {
		// A refusal validation did not foresee: the database's own check.
		this.jdbc.update("ALTER TABLE service ADD CONSTRAINT test_no_poison CHECK (name <> 'Poison')");
		List<String> feed = new ArrayList<>(services(0, 20));
		feed.set(7, Feeds.service("poison", "Poison"));

		ImportReport report = importPage(false, feed);

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(19);
		assertThat(report.servicesSkipped()).isEqualTo(1);
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.recordId()).isEqualTo("poison");
			assertThat(p.path()).isEqualTo("feed.json $.contents[7]");
			assertThat(p.reason()).startsWith("the database refused this record");
		});
		assertAddsUp(report);
	}

	@Test
	void aRunThatFailsAfterCommittingSaysWhatItWroteAndTheIndexHasIt() throws Exception {
		this.jdbc.update("ALTER TABLE service ADD CONSTRAINT test_no_poison CHECK (name <> 'Poison')");
		List<String> feed = new ArrayList<>(services(0, 250));
		IntStream.range(0, 250).forEach(i -> feed.add(Feeds.service("p" + i, "Poison")));

		ImportReport report = importPage(false, feed);

		assertThat(report.succeeded()).isFalse();
		assertThat(report.servicesCreated()).isEqualTo(250);
		assertThat(report.summary())
			.contains("Before it failed, these were written", "created:            250", "not written:        250")
			.doesNotContain("Nothing was changed");
		assertThat(this.services.countActive()).isEqualTo(250);
		assertThat(TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM search_backlog")).isZero();
	}

	@Test
	void repeatedIdsAreReportedAndTheFirstIsKept() throws Exception {
		ImportReport report = importPage(false,
				List.of(Feeds.service("a", "First A"), Feeds.service("b", "B"), Feeds.service("a", "Second A")));

		assertThat(report.servicesRead()).isEqualTo(3);
		assertThat(report.servicesCreated()).isEqualTo(2);
		assertThat(report.servicesRepeated()).isEqualTo(1);
		assertThat(report.problems()).anySatisfy(p -> {
			assertThat(p.recordId()).isEqualTo("a");
			assertThat(p.path()).isEqualTo("feed.json $.contents[2]");
			assertThat(p.reason()).contains("the record at feed.json $.contents[0], which stands");
		});
		assertThat(this.services.findByPublisherIdAndSourceId("council", "a").orElseThrow().name())
			.isEqualTo("First A");
		assertThat(report.summary()).contains("repeated (same id): 1");
		assertAddsUp(report);
	}

}
