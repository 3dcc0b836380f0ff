package uk.signpost.demo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import uk.signpost.MockMvcSessions;
import uk.signpost.TestDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The site started on an empty data folder, as `./mvnw spring-boot:run` does on a fresh
 * machine: Flyway builds the schema and the demo directory loads through the importer.
 */
@SpringBootTest(properties = { "signpost.demo-data=true", "signpost.demo-services=150" })
@AutoConfigureMockMvc
@Import(MockMvcSessions.class)
class DemoDirectoryLoaderTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-fresh-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void flywayBuildsEveryTableOnAFreshDatabase() {
		assertThat(this.jdbc.queryForObject("SELECT success FROM \"flyway_schema_history\" WHERE \"version\" = '1'",
				Boolean.class))
			.isTrue();
		for (String table : TestDirectory.TABLES) {
			assertThat(TestDirectory.count(this.jdbc,
					"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ?", table))
				.as(table)
				.isEqualTo(1);
		}
		assertThat(Files.exists(DATA_DIR.resolve("db/signpost.mv.db"))).isTrue();
	}

	@Test
	void theDemoDirectoryLoadsOnFirstStartThroughTheImporter() throws Exception {
		assertThat(TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM service WHERE publisher_id = ?",
				DemoDirectory.PUBLISHER))
			.isEqualTo(150);
		assertThat(this.jdbc.queryForObject("SELECT outcome FROM import_run", String.class)).isEqualTo("SUCCEEDED");
		// The start page counts what a search finds: the demo has some inactive services.
		long findable = TestDirectory.count(this.jdbc,
				"SELECT COUNT(*) FROM service s WHERE s.publisher_id = ? AND " + uk.signpost.directory.Service.FINDABLE,
				DemoDirectory.PUBLISHER);
		assertThat(findable).isBetween(100L, 149L);
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.containsString("<strong>" + findable + "</strong> services")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(DemoDirectory.PUBLISHER_NAME)));
	}

}
