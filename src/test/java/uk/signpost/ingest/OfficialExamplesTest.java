package uk.signpost.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
