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
		// When each publisher's feed last came in, written the GOV.UK way.
		assertThat(html).containsPattern("\\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{1,2}:\\d{2}(am|pm)");
		// Nothing imported: the footer still credits the postcode and place tables
		// shipped
		// in the jar.
		assertThat(html).contains("Postcode and place data © GeoNames (www.geonames.org), CC BY 4.0")
			.contains("Contains Royal Mail data © Royal Mail copyright and database right 2025");
	}

	@Test
	void itsCountsAreKeptBetweenChangesAndFollowEachImportAndWithdrawal() throws Exception {
		clear();
		load("council", services("a", "b", "c", "d", "e"));
		assertThat(fetch("/")).contains("The directory holds <strong>5</strong> services");
		// Kept between changes: a write the directory is not told of (no import, the
		// stamp unmoved) does not show, as the counts are not read on every page.
		this.jdbc.update("UPDATE service SET status = 'inactive' WHERE source_id = 'e'");
		assertThat(fetch("/")).contains("The directory holds <strong>5</strong> services");
		// Each import reads them again: this one leaves out "e", which is withdrawn.
		load("council", services("a", "b", "c", "d"));
		assertThat(fetch("/")).contains("The directory holds <strong>4</strong> services");
		load("nhs", services("f"));
		assertThat(fetch("/")).contains("The directory holds <strong>5</strong> services");
	}

	/** A feed of active services with these ids. */
	private static String services(String... ids) {
		return java.util.Arrays.stream(ids)
			.map(id -> "{\"id\": \"" + id + "\", \"name\": \"Service " + id + "\", \"status\": \"active\"}")
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

	@Test
	void staticFilesHaveTheirContentHashInTheirAddressAndAreCachedForAYear() throws Exception {
		clear();
		load("council", resource("every-field.json"));
		String html = fetch("/services/"
				+ uk.signpost.directory.RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001"));
		String script = html.replaceAll("(?s).*<script src=\"(/js/copy-[0-9a-f]{32}\\.js)\".*", "$1");
		assertThat(script).startsWith("/js/copy-").endsWith(".js");
		String cache = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(script))
			.andReturn()
			.getResponse()
			.getHeader("Cache-Control");
		assertThat(cache).contains("max-age=31536000").contains("public");
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

	@Test
	void theNavigationMarksTheCurrentPage() throws Exception {
		clear();
		assertThat(fetch("/search")).containsPattern(
				"govuk-service-navigation__item--active\">\\s*<a class=\"govuk-service-navigation__link\" href=\"/search\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">Search</strong>");
		String list = fetch("/list");
		assertThat(list)
			.containsPattern("href=\"/list\" aria-current=\"page\"><strong[^>]*>Your list \\(0\\)</strong>");
		assertThat(list.split("aria-current=\"page\"", -1)).hasSize(2);
		assertThat(fetch("/")).contains("href=\"/#browse\" aria-current=\"page\"");
		assertThat(fetch("/privacy")).doesNotContain("aria-current").doesNotContain("__item--active");
	}

}
