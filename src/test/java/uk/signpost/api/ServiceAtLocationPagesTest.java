package uk.signpost.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import uk.signpost.WebTest;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.ingest.FeedSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * service_at_locations near a place pages through the index in slices that start small
 * and grow: whatever the page size, the pages join up into the same list, with nothing
 * twice and nothing missing, across the slices' edges.
 */
class ServiceAtLocationPagesTest extends WebTest {

	List<String> all(String query, int perPage) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int page = 1;; page++) {
			JsonNode body = this.json.readTree(
					this.mvc
						.perform(get("/api/service_at_locations?" + query + "&per_page=" + perPage + "&page=" + page)
							.accept("application/json"))
						.andReturn()
						.getResponse()
						.getContentAsString());
			body.path("contents").forEach(sal -> ids.add(sal.path("id").asString()));
			if (page >= body.path("total_pages").asInt()) {
				assertThat(ids).hasSize(body.path("total_items").asInt());
				return ids;
			}
		}
	}

	@Test
	void pagesOfAnySizeJoinUpIntoOneList() throws Exception {
		clear();
		Path folder = Files.createTempDirectory(DATA_DIR, "demo-");
		DemoDirectory.write(folder, 300, DemoDirectory.DEFAULT_SEED, LocalDate.now());
		assertThat(this.importer.importFeed(new FeedSource.Files(folder), "demo", "Demo").succeeded()).isTrue();
		// Every location, then a search's: both longer than the first slice (64
		// services).
		for (String query : List.of("postcode=PR1", "postcode=BB2&search=support")) {
			List<String> byHundred = all(query, 100);
			assertThat(byHundred).as(query).hasSizeGreaterThan(70);
			assertThat(new LinkedHashSet<>(byHundred)).as(query + ": nothing twice").hasSameSizeAs(byHundred);
			assertThat(all(query, 7)).as(query).isEqualTo(byHundred);
			assertThat(all(query, 50)).as(query).isEqualTo(byHundred);
		}
	}

}
