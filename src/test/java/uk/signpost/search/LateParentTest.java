package uk.signpost.search;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A category's parent that arrives after the services filed under it (the demo's and many
 * feeds' taxonomy file comes last) re-files them in the index: browse by need and the
 * category filter then show the parent, with the services under it counted.
 */
class LateParentTest extends WebTest {

	@Autowired
	ServiceSearch search;

	@BeforeEach
	void directory() {
		clear();
	}

	@Test
	void servicesAreRefiledUnderAParentThatArrivesLater() throws Exception {
		load("county", """
				[{"id": "pantry", "name": "Preston Pantry", "status": "active", "description": "Food club",
				  "attributes": [{"id": "a", "taxonomy_term": {"id": "food-banks", "name": "Food banks",
				    "parent_id": "food", "taxonomy": "Needs"}}]}]""");
		assertThat(this.search.needs()).extracting(ServiceSearch.Need::name).containsExactly("Food banks");

		// The parent alone, as a taxonomy file brings it.
		load("county", """
				[{"id": "food", "name": "Food", "code": "food", "taxonomy": "Needs"}]""");

		assertThat(this.search.needs()).containsExactly(new ServiceSearch.Need("Food", 1));
	}

}
