package uk.signpost.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.signpost.TestDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One service two publishers list, confirmed as one by a curator (ADR 0016), in real
 * Chromium: the other copy's address opens the lead's page, which says who else lists it
 * and what they add; axe-core finds nothing wrong with it, and it reads the same with
 * JavaScript off at 320 pixels wide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "signpost.demo-data=false", "signpost.duplicates.after-import=false" })
class SameServiceBrowserTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-same-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	static final String COUNTY = """
			[{"id": "pantry", "name": "Preston Pantry", "status": "active", "description": "Low-cost food club",
			  "assured_date": "2026-06-01", "phones": [{"id": "p", "number": "01632 960111"}],
			  "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "MO,TU", "opens_at": "09:00", "closes_at": "17:00"}]}]""";

	static final String NHS = """
			[{"id": "food-club", "name": "Preston Pantry Food Club", "status": "active", "description": "Food club",
			  "assured_date": "2026-11-01", "phones": [{"id": "p", "number": "01632 960222", "description": "Bookings"}],
			  "url": "https://nhs.example.org/pantry"}]""";

	static final String LEAD = RecordId.of("nhs", "service", "food-club");

	static final String OTHER = RecordId.of("county", "service", "pantry");

	@LocalServerPort
	int port;

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex index;

	WebDriver browser;

	@BeforeEach
	void directory() throws IOException {
		assumeTrue(Browser.available(), "Chromium and chromedriver are installed");
		TestDirectory.clear(this.jdbc);
		this.jdbc.update("DELETE FROM duplicate_pair");
		this.index.rebuild();
		load("county", "Lancashire County Council", COUNTY);
		load("nhs", "NHS Lancashire", NHS);
		String first = LEAD.compareTo(OTHER) < 0 ? LEAD : OTHER;
		this.jdbc.update(
				"INSERT INTO duplicate_pair (service_a, service_b, score, reasons, state, found_at) VALUES (?, ?, 0.9, 'name=0.90', 'confirmed', CURRENT_TIMESTAMP)",
				first, first.equals(LEAD) ? OTHER : LEAD);
		this.jdbc.update("INSERT INTO search_backlog (service_id) VALUES (?)", OTHER);
		this.index.catchUp();
	}

	private void load(String publisher, String name, String feed) throws IOException {
		Path file = Files.writeString(DATA_DIR.resolve(publisher + ".json"), feed);
		assertThat(this.importer.importFeed(new FeedSource.Files(file), publisher, name).succeeded()).isTrue();
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.jdbc.update("DELETE FROM duplicate_pair");
	}

	private void mergedPage(boolean javascript, int width) {
		this.browser = Browser.open(javascript, width);
		this.browser.get("http://localhost:" + this.port + "/services/" + OTHER);
		assertThat(this.browser.getCurrentUrl()).endsWith("/services/" + LEAD);
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Preston Pantry Food Club");
		assertThat(this.browser.findElement(By.tagName("main")).getText())
			.contains("Also listed by Lancashire County Council.", "From other publishers",
					"From Lancashire County Council", "01632 960111", "Monday and Tuesday, 9am to 5pm")
			.contains("Report a problem with this service");
		if (javascript) {
			Browser.accessible(this.browser);
		}
		this.browser.get("http://localhost:" + this.port + "/search?q=pantry");
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("1 service for pantry");
		this.browser.quit();
		this.browser = null;
	}

	@Test
	void theOtherCopysAddressOpensOneAccessiblePageLedByTheLead() {
		mergedPage(true, 1024);
	}

	@Test
	void withoutJavaScriptOnANarrowScreenTheSame() {
		mergedPage(false, 320);
	}

}
