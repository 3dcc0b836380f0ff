package uk.signpost.ingest;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.OrukTable;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-imports leave unchanged records alone, update changed ones and withdraw vanished
 * ones.
 */

class ReimportTest extends DirectoryTest {

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

	private ImportReport importAs(String publisher, String... services) throws Exception {
		Path file = Feeds.write(this.folder, publisher + ".json", Feeds.page(services));
		return this.importer.importFeed(new FeedSource.Files(file), publisher, null);
	}

	/**
	 * As the operator would with --allow-withdraw: these feeds are too small for the
	 * share.
	 */
	private ImportReport importWithdrawingAs(String publisher, String... services) throws Exception {
		Path file = Feeds.write(this.folder, publisher + ".json", Feeds.page(services));
		return this.importer.importFeed(new FeedSource.Files(file), publisher, null, true);
	}

	@Test
	void importingTheSameFeedTwiceChangesNothing() throws Exception {
		importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));
		String before = TestDirectory.snapshot(this.jdbc).replaceAll("last_imported_at=[^,}]*", "");

		ImportReport again = importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));

		assertThat(again.servicesUnchanged()).isEqualTo(2);
		assertThat(again.servicesCreated() + again.servicesUpdated() + again.servicesWithdrawn()).isZero();
		assertThat(again.organizationsWritten()).isZero();
		assertThat(again.locationsWritten()).isZero();
		assertThat(TestDirectory.snapshot(this.jdbc).replaceAll("last_imported_at=[^,}]*", "")).isEqualTo(before);
	}

	@Test
	void aChangedServiceIsUpdatedAndOnlyIt() throws Exception {
		importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));
		Instant firstImport = this.services.findByPublisherIdAndSourceId("council", "b").orElseThrow().importedAt();

		ImportReport report = importAs("council",
				Feeds.service("a", "A renamed").replace("\"byday\": \"MO,WE\"", "\"byday\": \"TU\""),
				Feeds.service("b", "B"));

		assertThat(report.servicesUpdated()).isEqualTo(1);
		assertThat(report.servicesUnchanged()).isEqualTo(1);
		Service a = this.services.findByPublisherIdAndSourceId("council", "a").orElseThrow();
		assertThat(a.name()).isEqualTo("A renamed");
		assertThat(a.schedules()).extracting(Service.Schedule::byday).containsExactly("TU");
		assertThat(this.services.findByPublisherIdAndSourceId("council", "b").orElseThrow().importedAt())
			.isEqualTo(firstImport);
	}

	@Test
	void aChangedRecordsOwnRowsAreReplacedNotAddedTo() throws Exception {
		importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));
		Service a = this.services.findByPublisherIdAndSourceId("council", "a").orElseThrow();
		String venue = a.serviceAtLocations().get(0).locationId();
		int rowsBefore = ownRows(a.id(), venue);

		// The service's schedule, its venue's address and its step-free note change.
		importAs("council",
				Feeds.service("a", "A")
					.replace("\"byday\": \"MO,WE\"", "\"byday\": \"TU\"")
					.replace("1 Church Street", "2 Church Street")
					.replace("Step-free entrance", "Ramp at the side entrance"),
				Feeds.service("b", "B"));

		assertThat(TestDirectory.orphans(this.jdbc)).as("rows whose record is not there").isEmpty();
		assertThat(ownRows(a.id(), venue)).isEqualTo(rowsBefore);
		assertThat(this.jdbc.queryForList("SELECT address_1 FROM address WHERE location_id = ?", String.class, venue))
			.containsExactly("2 Church Street");
		assertThat(this.jdbc.queryForList("SELECT description FROM accessibility WHERE location_id = ?", String.class,
				venue))
			.containsExactly("Ramp at the side entrance");
		assertThat(this.services.findById(a.id()).orElseThrow().schedules()).extracting(Service.Schedule::byday)
			.containsExactly("TU");
	}

	/** How many rows a service and its venue own, over every owned table. */
	private int ownRows(String serviceId, String locationId) {
		int rows = 0;
		for (OrukTable owned : OrukTable.ownedTables()) {
			String owner = owned.owner() == OrukTable.LOCATION ? locationId : serviceId;
			if (owned.owner() != OrukTable.ORGANIZATION) {
				rows += TestDirectory.count(this.jdbc,
						"SELECT COUNT(*) FROM " + owned.table() + " WHERE " + owned.ownerKey() + " = ?", owner);
			}
		}
		return rows;
	}

	@Test
	void aServiceThatVanishesIsWithdrawnNotDeletedAndComesBackIfItReturns() throws Exception {
		importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));

		ImportReport report = importWithdrawingAs("council", Feeds.service("a", "A"));

		assertThat(report.servicesWithdrawn()).isEqualTo(1);
		Service b = this.services.findByPublisherIdAndSourceId("council", "b").orElseThrow();
		assertThat(b.isWithdrawn()).isTrue();
		assertThat(b.name()).isEqualTo("B");
		assertThat(this.services.countActive()).isEqualTo(1);

		ImportReport back = importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));
		assertThat(back.servicesUpdated()).isEqualTo(1);
		assertThat(this.services.findByPublisherIdAndSourceId("council", "b").orElseThrow().isWithdrawn()).isFalse();
	}

	@Test
	void aServiceThatTurnsInvalidKeepsItsLastGoodVersionAndIsNotWithdrawn() throws Exception {
		importAs("council", Feeds.service("a", "A"), Feeds.service("b", "B"));

		ImportReport report = importAs("council", Feeds.service("a", "A"),
				Feeds.service("b", "B").replace("\"minimum_age\": 18", "\"minimum_age\": -4"));

		assertThat(report.servicesSkipped()).isEqualTo(1);
		assertThat(report.servicesWithdrawn()).isZero();
		Service b = this.services.findByPublisherIdAndSourceId("council", "b").orElseThrow();
		assertThat(b.isWithdrawn()).isFalse();
		assertThat(b.minimumAge()).isEqualTo(18);
	}

	@Test
	void anEmptyFeedDoesNotWithdrawAPublishersWholeDirectory() throws Exception {
		importAs("council", Feeds.service("a", "A"));
		String before = TestDirectory.snapshot(this.jdbc);

		ImportReport report = importAs("council");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).contains("the feed has no records");
		assertThat(TestDirectory.snapshot(this.jdbc)).isEqualTo(before);
	}

	@Test
	void twoPublishersWithTheSameIdsNeverOverwriteEachOther() throws Exception {
		importAs("council", Feeds.service("shared-id", "Council's service"));
		importAs("nhs-trust", Feeds.service("shared-id", "Trust's service"));

		Service council = this.services.findByPublisherIdAndSourceId("council", "shared-id").orElseThrow();
		Service trust = this.services.findByPublisherIdAndSourceId("nhs-trust", "shared-id").orElseThrow();
		assertThat(council.id()).isNotEqualTo(trust.id());
		assertThat(council.name()).isEqualTo("Council's service");
		assertThat(trust.name()).isEqualTo("Trust's service");
		assertThat(council.organizationId()).isNotEqualTo(trust.organizationId());
		assertThat(TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM location")).isEqualTo(2);

		// A full import from one publisher withdraws nothing of the other's.
		importWithdrawingAs("council", Feeds.service("other", "Other"));
		assertThat(this.services.findById(trust.id()).orElseThrow().isWithdrawn()).isFalse();
		assertThat(this.services.findById(council.id()).orElseThrow().isWithdrawn()).isTrue();
	}

}
