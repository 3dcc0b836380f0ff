package uk.signpost;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as an operator uses it: what it prints and the status it exits with.
 */
class CommandsTest {

	@TempDir
	Path folder;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return Commands.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	String dataDir() {
		return "--signpost.data-dir=" + this.folder.resolve("data");
	}

	@Test
	void generatesThenImportsWithASummaryAndExitsZero() {
		Path feed = this.folder.resolve("feed");
		assertThat(run("generate", "--out", feed.toString(), "--services", "120")).isZero();
		assertThat(this.out.toString()).startsWith("Wrote 120 services from ");

		int status = run("import", feed.toString(), "--publisher", "demo", "--name", "Demo", dataDir());

		assertThat(status).isZero();
		assertThat(this.out.toString()).contains("services read:      120", "created:            120",
				"errors: 0, warnings: 0");
		assertThat(Files.exists(this.folder.resolve("data/db/signpost.mv.db"))).isTrue();
	}

	@Test
	void reindexRebuildsTheSearchIndexFromTheDatabase() throws Exception {
		Path feed = this.folder.resolve("feed");
		assertThat(run("generate", "--out", feed.toString(), "--services", "50")).isZero();
		assertThat(run("import", feed.toString(), "--publisher", "demo", dataDir())).isZero();

		assertThat(run("reindex", dataDir())).isZero();
		assertThat(this.out.toString()).containsPattern("Search index rebuilt: (4[5-9]|50) services in ");
		String live = Files.readString(this.folder.resolve("data/index/current"));
		assertThat(Files.exists(this.folder.resolve("data/index").resolve(live).resolve("signpost-index.properties")))
			.isTrue();
	}

	@Test
	void postcodeAndPlaceFilesImportOrSayWhatIsWrong() throws Exception {
		Path good = Files.writeString(this.folder.resolve("nspl.csv"),
				"Postcode,lat,long\nPR1 2HE,53.76135,-2.70738\n");
		assertThat(run("import-postcodes", good.toString(), dataDir())).isZero();
		assertThat(this.out.toString()).contains("Read 1 rows from 1 files; kept 1 {nspl=1}");

		Path bad = Files.writeString(this.folder.resolve("places.csv"), "a,b,c\n");
		assertThat(run("import-places", bad.toString(), dataDir())).isEqualTo(1);
		assertThat(this.err.toString()).contains("places.csv line 1: has 3 columns; OS Open Names has 34")
			.contains("Nothing was imported.");
	}

	@Test
	void aBrokenFeedExitsOneAndSaysWhatWasWrong() throws Exception {
		Path file = Files.writeString(this.folder.resolve("broken.json"), "[{\"id\": \"a\", \"name\": ");

		int status = run("import", file.toString(), "--publisher", "council", dataDir());

		assertThat(status).isEqualTo(1);
		assertThat(this.err.toString()).contains("FAILED: broken.json is not valid JSON at line 1")
			.contains("Nothing was changed.");
	}

	@Test
	void invalidRecordsAreListedButTheImportSucceeds() throws Exception {
		Path file = Files.writeString(this.folder.resolve("feed.json"),
				"[{\"id\": \"a\", \"name\": \"Fine\", \"status\": \"active\"}, {\"id\": \"b\", \"status\": \"active\"}]");

		int status = run("import", file.toString(), "--publisher", "council", dataDir());

		assertThat(status).isZero();
		assertThat(this.out.toString()).contains("created:            1", "skipped (invalid):  1",
				"ERROR record b at feed.json $[1].name: a service needs a name");
	}

	@Test
	void aWrongCommandLineExitsTwoWithUsage() {
		assertThat(run("import", "feed.json")).isEqualTo(2);
		assertThat(this.err.toString()).contains("import needs one file, folder or URL and --publisher <id>")
			.contains("help shows how to use each command");
		assertThat(this.err.toString().strip().lines()).hasSize(1);
		assertThat(run("import", "feed.json", "--publisher", "Not Valid!", dataDir())).isEqualTo(2);
		assertThat(this.err.toString()).contains("a publisher name is lower-case letters");
		// Refused before Signpost started: no data folder was made.
		assertThat(Files.exists(this.folder.resolve("data"))).isFalse();
	}

	@Test
	void benchWebWithATargetThatIsNotAnAddressIsAUsageError() {
		assertThat(run("bench-web", "--target", "localhost:8080")).isEqualTo(2);
		assertThat(this.err.toString())
			.startsWith("--target takes the site's address, such as http://127.0.0.1:8080 (java -jar");
		// Nothing was generated or started for it.
		assertThat(this.out.toString()).isEmpty();
	}

	@Test
	void aBadModifiedAfterIsAUsageErrorOfOneLine() {
		int status = run("import", "https://example.org/api", "--publisher", "demo", "--modified-after", "yesterday",
				dataDir());

		assertThat(status).isEqualTo(2);
		assertThat(this.err.toString()).startsWith("--modified-after takes a date such as 2026-11-01 (from the start of"
				+ " that day, UK time) or a date and time with its offset such as 2026-11-01T09:00:00Z, not 'yesterday'"
				+ " (java -jar");
		assertThat(this.err.toString().strip().lines()).hasSize(1);
		assertThat(this.err.toString()).doesNotContain("Exception", "\tat ");
	}

	@Test
	void aDateAloneIsAModifiedAfter() {
		// Nothing listens on port 1: the import runs, and fails on the download, not the
		// command line.
		int status = run("import", "http://127.0.0.1:1/api", "--publisher", "demo", "--modified-after", "2026-11-01",
				dataDir());

		assertThat(status).as(this.err.toString()).isEqualTo(1);
		assertThat(this.err.toString()).contains("(modified after 2026-11-01T00:00:00Z)")
			.doesNotContain("--modified-after takes");
	}

	@Test
	void aCommandRefusesADataFolderTheSiteIsUsingAndChangesNothing() throws Exception {
		Path feed = this.folder.resolve("feed");
		assertThat(run("generate", "--out", feed.toString(), "--services", "20")).isZero();
		// The site (or another command) has the folder.
		try (ConfigurableApplicationContext site = Commands.start(List.of(dataDir()))) {
			int status = run("import", feed.toString(), "--publisher", "demo", dataDir());

			assertThat(status).isEqualTo(1);
			assertThat(this.err.toString().strip()).matches(
					"Signpost is already running on the data folder .*data \\(process \\d+\\): stop it first, or give"
							+ " this command another --signpost.data-dir\\.");
			assertThat(site.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM service", Integer.class))
				.isZero();
		}
		// Once it has stopped, the same command runs.
		assertThat(run("import", feed.toString(), "--publisher", "demo", dataDir())).isZero();
	}

	@Test
	void downloadsLeftByAKilledRunAreDeletedOnStart() throws Exception {
		Path left = Files.createDirectories(this.folder.resolve("data/downloads/county-123"));
		Files.writeString(left.resolve("page-000001.json"), "[]");

		try (ConfigurableApplicationContext context = Commands.start(List.of(dataDir()))) {
			assertThat(Files.exists(left)).isFalse();
			assertThat(Files.exists(this.folder.resolve("data/downloads"))).isTrue();
		}
	}

	@Test
	void aWordSignpostDoesNotKnowOrHelpIsNeverTakenForStartingTheSite() {
		assertThat(Commands.isCommand("frobnicate")).isTrue();
		assertThat(Commands.isCommand("--help")).isTrue();
		assertThat(Commands.isCommand("--server.port=8081")).isFalse();
		assertThat(run("frobnicate")).isEqualTo(2);
		assertThat(this.err.toString().strip()).isEqualTo(
				"There is no command 'frobnicate'. (java -jar target/signpost.jar help shows how to use each command)");
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString()).startsWith("Usage:");
	}

}
