package uk.signpost.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.Location;
import uk.signpost.directory.LocationRepository;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of a record that leaves a list out (as ORUK's list endpoints do) keeps what a
 * fuller copy gave, in one feed and across imports; a list that is there and empty clears
 * it (ADR 0011).
 */
class OmittedListsTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@Autowired
	LocationRepository locations;

	@Autowired
	ObjectMapper json;

	@TempDir
	Path folder;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	private ImportReport importAs(String... services) throws Exception {
		Path file = Feeds.write(this.folder, "council.json", Feeds.page(services));
		return this.importer.importFeed(new FeedSource.Files(file), "council", null);
	}

	/** The service as a list endpoint gives it: its one-to-one fields only. */
	private String listCopy(String service) {
		ObjectNode node = (ObjectNode) this.json.readTree(service);
		RecordLists.of("service").forEach(node::remove);
		return node.toString();
	}

	private String with(String service, String field, String value) {
		ObjectNode node = (ObjectNode) this.json.readTree(service);
		node.set(field, this.json.readTree(value));
		return node.toString();
	}

	private Service service(String sourceId) {
		return this.services.findByPublisherIdAndSourceId("council", sourceId).orElseThrow();
	}

	private static void assertWhole(Service service) {
		assertThat(service.phones()).extracting(Service.Phone::number).containsExactly("01632 960123", "01632 960124");
		assertThat(service.contacts()).extracting(Service.Contact::name).containsExactly("Sam Whittle");
		assertThat(service.schedules()).extracting(Service.Schedule::byday).containsExactly("MO,WE");
		assertThat(service.serviceAtLocations()).hasSize(1);
		assertThat(service.languages()).extracting(Service.Language::name).containsExactly("English");
		assertThat(service.costOptions()).hasSize(1);
		assertThat(service.attributes()).hasSize(1);
	}

	@Test
	void aLaterImportThatLeavesListsOutKeepsThem() throws Exception {
		importAs(Feeds.service("a", "A"));

		ImportReport report = importAs(listCopy(Feeds.service("a", "A renamed")));

		assertThat(report.servicesUpdated()).as(report.summary()).isEqualTo(1);
		Service a = service("a");
		assertThat(a.name()).isEqualTo("A renamed");
		assertWhole(a);
		assertThat(TestDirectory.orphans(this.jdbc)).isEmpty();
		assertThat(importAs(listCopy(Feeds.service("a", "A renamed"))).servicesUnchanged()).isEqualTo(1);
	}

	@Test
	void aListThatIsThereAndEmptyClearsIt() throws Exception {
		importAs(Feeds.service("a", "A"));

		importAs(with(with(listCopy(Feeds.service("a", "A")), "phones", "[]"), "contacts", "[]"));

		Service a = service("a");
		assertThat(a.phones()).isEmpty();
		assertThat(a.contacts()).isEmpty();
		assertThat(a.schedules()).hasSize(1);
		assertThat(TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM phone")).isZero();
	}

	@Test
	void aNullListIsReadAsLeftOut() throws Exception {
		importAs(Feeds.service("a", "A"));

		importAs(with(Feeds.service("a", "A"), "phones", "null"));

		assertThat(service("a").phones()).hasSize(2);
	}

	@Test
	void aLaterFullerCopyInTheSameFeedMergesInAndAgainChangesNothing() throws Exception {
		String list = listCopy(Feeds.service("a", "A"));
		String full = Feeds.service("a", "A");

		ImportReport first = importAs(list, full, list);

		assertThat(first.servicesRead()).isEqualTo(3);
		assertThat(first.servicesCreated()).isEqualTo(1);
		assertThat(first.servicesRepeated()).isEqualTo(2);
		assertThat(first.problems()).extracting(Problem::reason)
			.anyMatch(reason -> reason.contains("which stands; this copy only fills in the lists that one left out"));
		assertWhole(service("a"));
		String before = TestDirectory.snapshot(this.jdbc).replaceAll("last_imported_at=[^,}]*", "");

		ImportReport again = importAs(list, full, list);

		assertThat(again.servicesUnchanged()).as(again.summary()).isEqualTo(1);
		assertThat(again.servicesRepeated()).isEqualTo(2);
		assertThat(again.locationsWritten() + again.organizationsWritten()).isZero();
		assertThat(TestDirectory.snapshot(this.jdbc).replaceAll("last_imported_at=[^,}]*", "")).isEqualTo(before);
	}

	@Test
	void copiesInDifferentBatchesMergeThroughTheDatabase() throws Exception {
		List<String> feed = new ArrayList<>();
		feed.add(listCopy(Feeds.service("a", "A")));
		for (int i = 0; i < 300; i++) {
			feed.add(listCopy(Feeds.service("filler-" + i, "Filler " + i)));
		}
		feed.add(Feeds.service("a", "A"));
		feed.add(listCopy(Feeds.service("a", "A")));

		ImportReport first = importAs(feed.toArray(String[]::new));

		assertThat(first.servicesCreated()).as(first.summary()).isEqualTo(301);
		assertThat(first.servicesRepeated()).isEqualTo(2);
		assertWhole(service("a"));
		ImportReport again = importAs(feed.toArray(String[]::new));
		assertThat(again.servicesUnchanged()).as(again.summary()).isEqualTo(301);
		assertThat(again.servicesUpdated()).isZero();
	}

	@Test
	void aLocationCopyWithoutAddressesKeepsThem() throws Exception {
		importAs(Feeds.service("a", "A"));
		ObjectNode service = (ObjectNode) this.json.readTree(Feeds.service("a", "A"));
		ObjectNode location = (ObjectNode) service.get("service_at_locations").get(0).get("location");
		location.remove(List.of("addresses", "accessibility"));
		location.put("name", "St Mary's Hall");

		importAs(service.toString());

		Location hall = this.locations.findByPublisherIdAndSourceId("council", "loc-1").orElseThrow();
		assertThat(hall.name()).isEqualTo("St Mary's Hall");
		assertThat(hall.addresses()).extracting(Location.Address::address1).containsExactly("1 Church Street");
		assertThat(hall.accessibility()).hasSize(1);
	}

	@Test
	void aRecordStoredBeforeListsWereFingerprintedIsUnchangedByTheSameFeedAndKeepsWhatACopyLeavesOut()
			throws Exception {
		importAs(Feeds.service("a", "A"));
		this.jdbc.update("UPDATE service SET content_parts = NULL");

		assertThat(importAs(Feeds.service("a", "A")).servicesUnchanged()).isEqualTo(1);
		importAs(listCopy(Feeds.service("a", "A renamed")));

		assertThat(service("a").name()).isEqualTo("A renamed");
		assertWhole(service("a"));
		ImportReport full = importAs(Feeds.service("a", "A renamed"));
		assertThat(full.servicesUpdated()).as("the kept lists' fingerprints were unknown").isEqualTo(1);
		assertThat(importAs(Feeds.service("a", "A renamed")).servicesUnchanged()).isEqualTo(1);
	}

}
