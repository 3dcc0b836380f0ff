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
			.contains("(1)")
			.contains("href=\"/accessibility\"")
			.contains("href=\"/privacy\"");
		// No official postcode file imported: no attribution owed.
		assertThat(html).doesNotContain("Royal Mail");
	}

	@Test
	void theFooterCreditsTheOfficialPostcodeFilesInUse() throws Exception {
		clear();
		this.jdbc.update("INSERT INTO gazetteer_import (source, file, rows_read, rows_kept, imported_at) "
				+ "VALUES ('nspl', 'NSPL.csv', 10, 10, CURRENT_TIMESTAMP)");
		assertThat(fetch("/accessibility")).contains("Accessibility statement for Signpost")
			.contains("Contains Royal Mail data © Royal Mail copyright and database right")
			.contains("Source: Office for National Statistics licensed under the Open Government Licence v.3.0");
		assertThat(fetch("/privacy")).contains("no cookie banner");
	}

}
