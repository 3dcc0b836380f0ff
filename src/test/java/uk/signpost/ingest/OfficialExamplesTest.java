package uk.signpost.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.OrukTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official ORUK 3.0 example files from ../shared/oruk/examples import cleanly and
 * every record in them lands. Runs in the 'shared' Maven profile, which .ci/run turns on
 * when ../shared exists.
 */
@Tag("shared")
class OfficialExamplesTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@TempDir
	Path copy;

	static Path examples() {
		return Path.of(System.getProperty("signpost.shared-dir", "../shared"), "oruk", "examples");
	}

	@BeforeEach
	void clear() {
		TestDirectory.clear(this.jdbc);
	}

	@Test
	void everyRecordInTheOfficialExamplesLands() throws IOException {
		assertThat(examples()).as("the official examples folder").isDirectory();
		List<String[]> expected = new ArrayList<>();
		try (Stream<Path> files = Files.list(examples())) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				JsonNode root = this.json.readTree(file.toFile());
				JsonNode contents = root.has("contents") ? root.get("contents") : null;
				for (JsonNode record : contents == null ? List.of(root) : contents.valueStream().toList()) {
					collect(record, RecordKind.of(record), expected);
				}
			}
		}

		ImportReport report = this.importer.importFeed(new FeedSource.Files(examples()), "oruk-examples",
				"ORUK examples");

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.errorCount()).as(report.problems().toString()).isZero();
		assertThat(expected).hasSizeGreaterThan(10);
		for (String[] record : expected) {
			assertThat(TestDirectory.count(this.jdbc,
					"SELECT COUNT(*) FROM " + record[0] + " WHERE publisher_id = ? AND source_id = ?", "oruk-examples",
					record[1]))
				.as("%s %s", record[0], record[1])
				.isEqualTo(1);
		}
	}

	@Test
	void eachExampleFileImportsOnItsOwn() throws IOException {
		try (Stream<Path> files = Files.list(examples())) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				ImportReport report = this.importer.importFeed(new FeedSource.Files(file),
						"example-" + file.getFileName().toString().replace(".json", "").replace('_', '-'), null);
				assertThat(report.succeeded()).as(report.summary()).isTrue();
				assertThat(report.errorCount()).as(file + ": " + report.problems()).isZero();
			}
		}
	}

	/**
	 * The folder holds the same service five times, whole (service_full.json, and in
	 * organization_full.json) and in list shape (service_list.json: its one-to-one fields
	 * only). Each copy fills in what the ones before it left out, so the folder gives the
	 * service every row the full record gives, and reading it again changes nothing. (The
	 * examples have no phones.)
	 */
	@Test
	void theFolderKeepsEverythingTheFullServiceRecordGives() {
		this.importer.importFeed(new FeedSource.Files(examples().resolve("service_full.json")), "full-record", null);
		Map<String, Integer> whole = ownedRows("full-record");

		ImportReport folder = this.importer.importFeed(new FeedSource.Files(examples()), "oruk-examples", null);

		assertThat(whole).as("rows of the full record")
			.containsKeys("schedule", "contact", "language", "funding", "service_area", "service_at_location",
					"address", "accessibility", "cost_option", "attribute", "organization_identifier");
		assertThat(ownedRows("oruk-examples")).isEqualTo(whole);
		assertThat(folder.skippedFiles()).containsExactly("csv/");
		assertThat(folder.summary()).contains("files not read:     1 (csv/; only .json files are)");
		ImportReport again = this.importer.importFeed(new FeedSource.Files(examples()), "oruk-examples", null);
		assertThat(again.servicesUnchanged()).as(again.summary()).isEqualTo(1);
		assertThat(again.organizationsWritten() + again.locationsWritten()).isZero();
	}

	/** A later import of the list copy alone changes the one-to-one fields only. */
	@Test
	void theListCopyImportedLaterKeepsTheFullRecordsLists() {
		this.importer.importFeed(new FeedSource.Files(examples().resolve("service_full.json")), "examples", null);
		Map<String, Integer> whole = ownedRows("examples");

		ImportReport list = this.importer.importFeed(new FeedSource.Files(examples().resolve("service_list.json")),
				"examples", null);

		assertThat(list.succeeded()).as(list.summary()).isTrue();
		assertThat(ownedRows("examples")).isEqualTo(whole);
	}

	/** How many rows each owned table holds for one publisher's records. */
	private Map<String, Integer> ownedRows(String publisher) {
		Map<String, Integer> rows = new TreeMap<>();
		for (OrukTable owned : OrukTable.ownedTables()) {
			int count = TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM " + owned.table() + " c JOIN "
					+ owned.owner().table() + " o ON o.id = c." + owned.ownerKey() + " WHERE o.publisher_id = ?",
					publisher);
			if (count > 0) {
				rows.put(owned.table(), count);
			}
		}
		return rows;
	}

	private static void collect(JsonNode record, RecordKind kind, List<String[]> expected) {
		switch (kind) {
			case SERVICE -> {
				expected.add(new String[] { "service", record.get("id").asString() });
				if (record.has("organization")) {
					expected.add(new String[] { "organization", record.get("organization").get("id").asString() });
				}
				if (record.has("service_at_locations")) {
					for (JsonNode sal : record.get("service_at_locations")) {
						expected.add(new String[] { "location", sal.get("location").get("id").asString() });
					}
				}
			}
			case ORGANIZATION -> {
				expected.add(new String[] { "organization", record.get("id").asString() });
				if (record.has("services")) {
					for (JsonNode service : record.get("services")) {
						collect(service, RecordKind.SERVICE, expected);
					}
				}
			}
			case SERVICE_AT_LOCATION -> {
				expected.add(new String[] { "location", record.get("location").get("id").asString() });
				collect(record.get("service"), RecordKind.SERVICE, expected);
			}
			case TAXONOMY -> {
				expected.add(new String[] { "taxonomy", record.get("id").asString() });
				if (record.has("taxonomy_terms")) {
					for (JsonNode term : record.get("taxonomy_terms")) {
						expected.add(new String[] { "taxonomy_term", term.get("id").asString() });
					}
				}
			}
			case TAXONOMY_TERM -> expected.add(new String[] { "taxonomy_term", record.get("id").asString() });
		}
	}

}
