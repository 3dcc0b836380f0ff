package uk.signpost.web;

import org.junit.jupiter.api.Test;

import uk.signpost.WebTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The start page asks what and where, and offers the directory's needs to browse. */
class StartPageTest extends WebTest {

	@Test
	void itAsksWhatAndWhereAndListsNeedsWithCounts() throws Exception {
		clear();
		load("council", resource("every-field.json"));
		String html = fetch("/");
		assertThat(html).contains("What do you need help with?")
			.contains("Postcode or town")
			.contains("action=\"/search\"")
			.contains("Browse by need")
			.contains("href=\"/search?category=Food\"")
			.contains("(1)");
	}

}
