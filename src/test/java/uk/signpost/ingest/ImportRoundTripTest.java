package uk.signpost.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.directory.Location;
import uk.signpost.directory.LocationRepository;
import uk.signpost.directory.Organization;
import uk.signpost.directory.OrganizationRepository;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.directory.TaxonomyTermRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generator → files → importer → database → aggregates, checked field by field against
 * the files.
 */

class ImportRoundTripTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@Autowired
	OrganizationRepository organizations;

	@Autowired
	LocationRepository locations;

	@Autowired
	TaxonomyTermRepository terms;

	@Autowired
	ObjectMapper json;

	@TempDir
	Path folder;

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	@Test
	void everyGeneratedServiceLandsWithItsOrganisationLocationsAndCategories() throws Exception {
		var summary = DemoDirectory.write(this.folder, 700, 7L, LocalDate.of(2026, 11, 1));

		ImportReport report = this.importer.importFeed(new FeedSource.Files(this.folder), "demo", "Demo");

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.problems()).isEmpty();
		assertThat(report.servicesRead()).isEqualTo(700);
		assertThat(report.servicesCreated()).isEqualTo(700);
		assertThat(this.services.count()).isEqualTo(700);
		assertThat(this.organizations.count()).isEqualTo(summary.organisations());
		assertThat(this.locations.count()).isEqualTo(summary.locations());
		assertThat(this.terms.count()).isGreaterThan(40);
		assertThat(TestDirectory.orphans(this.jdbc)).as("rows whose record is not there").isEmpty();

		// Compare a service from the second page of the feed with what was stored.
		JsonNode page = this.json.readTree(Files.readString(this.folder.resolve("services-0002.json")));
		JsonNode expected = page.get("contents").get(17);
		Service stored = this.services.findByPublisherIdAndSourceId("demo", expected.get("id").asString())
			.orElseThrow();
		assertThat(stored.id()).isEqualTo(RecordId.of("demo", "service", expected.get("id").asString()));
		assertThat(stored.name()).isEqualTo(expected.get("name").asString());
		assertThat(stored.description()).isEqualTo(expected.get("description").asString());
		assertThat(stored.status()).isEqualTo(expected.get("status").asString());
		assertThat(stored.assuredDate()).isEqualTo(LocalDate.parse(expected.get("assured_date").asString()));
		assertThat(stored.eligibilityDescription()).isEqualTo(expected.get("eligibility_description").asString());
		if (expected.has("minimum_age")) {
			assertThat(stored.minimumAge()).isEqualTo(expected.get("minimum_age").intValue());
		}
		assertThat(stored.publisherId()).isEqualTo("demo");
		assertThat(stored.importedAt()).isEqualTo(report.startedAt());
		assertThat(stored.schedules()).hasSize(1);
		JsonNode schedule = expected.get("schedules").get(0);
		assertThat(stored.schedules().get(0).byday()).isEqualTo(schedule.get("byday").asString());
		assertThat(stored.schedules().get(0).opensAt()).isEqualTo(LocalTime.parse(schedule.get("opens_at").asString()));
		assertThat(stored.phones()).extracting(Service.Phone::number)
			.contains(expected.get("phones").get(0).get("number").asString());
		assertThat(stored.languages()).extracting(Service.Language::name).contains("English");
		assertThat(stored.attributes()).hasSize(expected.get("attributes").size());
		assertThat(stored.serviceAtLocations()).hasSize(expected.get("service_at_locations").size());

		Organization organization = this.organizations.findById(stored.organizationId()).orElseThrow();
		assertThat(organization.name()).isEqualTo(expected.get("organization").get("name").asString());

		for (int i = 0; i < stored.serviceAtLocations().size(); i++) {
			JsonNode location = expected.get("service_at_locations").get(i).get("location");
			Location venue = this.locations.findById(stored.serviceAtLocations().get(i).locationId()).orElseThrow();
			assertThat(venue.name()).isEqualTo(location.get("name").asString());
			assertThat(venue.latitude()).isEqualTo(location.get("latitude").doubleValue());
			assertThat(venue.addresses().get(0).postalCode())
				.isEqualTo(location.get("addresses").get(0).get("postal_code").asString());
		}
		assertThat(this.terms.findById(stored.attributes().get(0).taxonomyTermId()).orElseThrow().parentId())
			.as("need terms sit under their category")
			.isNotNull();
	}

	@Test
	void aHandWrittenFullServiceKeepsEveryField() throws Exception {
		Feeds.write(this.folder, "one.json", Feeds.service("svc-1", "Preston Foodbank"));

		ImportReport report = this.importer.importFeed(new FeedSource.Files(this.folder.resolve("one.json")), "council",
				"Council");

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		Service service = this.services.findByPublisherIdAndSourceId("council", "svc-1").orElseThrow();
		assertThat(service.fees()).isEqualTo("Free");
		assertThat(service.maximumAge()).isEqualTo(99);
		assertThat(service.contacts()).extracting(Service.Contact::name).containsExactly("Sam Whittle");
		Service.Contact contact = service.contacts().get(0);
		assertThat(service.phones()).extracting(Service.Phone::number, Service.Phone::contactId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("01632 960123", null),
					org.assertj.core.groups.Tuple.tuple("01632 960124", contact.id()));
		assertThat(service.costOptions()).hasSize(1);
		Location location = this.locations.findById(service.serviceAtLocations().get(0).locationId()).orElseThrow();
		assertThat(location.accessibility()).extracting(Location.Accessibility::description)
			.containsExactly("Step-free entrance");
		List<Map<String, Object>> runs = this.jdbc.queryForList("SELECT outcome, services_created FROM import_run");
		assertThat(runs).hasSize(1);
		assertThat(runs.get(0)).containsEntry("outcome", "SUCCEEDED").containsEntry("services_created", 1);
	}

}
