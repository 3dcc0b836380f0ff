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
 * twice and nothing missing, across the slices' edges. Within a distance, services with
 * one venue come from the index nearest first and those with several are measured whole:
 * their venues interleave by distance, page after page.
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
		for (String query : List.of("postcode=PR1", "postcode=BB2&search=support", "postcode=PR1&proximity=8000",
				"postcode=BB2&proximity=20000&search=support")) {
			List<String> byHundred = all(query, 100);
			// Past the first slice without a distance; several pages of 7 with one.
			assertThat(byHundred).as(query).hasSizeGreaterThan(query.contains("proximity") ? 30 : 70);
			assertThat(new LinkedHashSet<>(byHundred)).as(query + ": nothing twice").hasSameSizeAs(byHundred);
			assertThat(all(query, 7)).as(query).isEqualTo(byHundred);
			assertThat(all(query, 50)).as(query).isEqualTo(byHundred);
		}
		// Both kinds within a distance: services with one venue, and with several.
		List<String> services = new ArrayList<>();
		for (int page = 1; page <= 3; page++) {
			this.json
				.readTree(this.mvc
					.perform(get("/api/service_at_locations?postcode=PR1&proximity=8000&per_page=100&page=" + page)
						.accept("application/json"))
					.andReturn()
					.getResponse()
					.getContentAsString())
				.path("contents")
				.forEach(sal -> services.add(sal.path("service_id").asString()));
		}
		assertThat(services.stream().distinct().count()).as("some services have several venues")
			.isLessThan(services.size())
			.isGreaterThan(services.size() / 2);
	}

}
