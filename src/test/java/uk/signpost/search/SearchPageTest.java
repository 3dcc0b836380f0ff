package uk.signpost.search;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search page, each request made twice: as a full page and as htmx asks for it (the
 * results part only). Real database, real index.
 */
class SearchPageTest extends WebTest {

	static final String FEED = """
			[{"id": "pantry", "name": "Preston Pantry", "status": "active",
			  "description": "Low-cost food club <script>alert('x')</script> with fresh fruit",
			  "minimum_age": 18, "assured_date": "2020-01-01",
			  "application_process": "You need a referral from a support worker.",
			  "cost_options": [{"id": "c", "amount": 0, "amount_description": "Free"}],
			  "schedules": [{"id": "sch", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR,SA,SU",
			    "opens_at": "00:00", "closes_at": "23:59"}],
			  "organization": {"id": "org", "name": "Pantry Network", "description": "Food clubs"},
			  "service_at_locations": [{"id": "sal", "location": {"id": "loc", "location_type": "physical",
			    "name": "Market Hall", "latitude": 53.7590, "longitude": -2.6995,
			    "addresses": [{"id": "adr", "address_1": "Earl Street", "city": "Preston", "postal_code": "PR1 2JA",
			      "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}}]},
			 {"id": "helpline", "name": "Money Helpline", "status": "active", "description": "Debt advice by phone",
			  "phones": [{"id": "p", "number": "0800 000 000"}]}]""";

	@BeforeEach
	void directory() throws IOException {
		clear();
		load("county", FEED);
	}

	private String page(String path, boolean htmx) throws Exception {
		MockHttpServletRequestBuilder request = api(path);
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aHistoryRestoreGetsTheWholePageAndEveryAnswerVariesByHtmx() throws Exception {
		// htmx asks again when Back finds nothing in its own history cache: the answer
		// replaces the whole body, so it must be the whole page.
		var restore = this.mvc
			.perform(api("/search?q=food").header("HX-Request", "true").header("HX-History-Restore-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(restore.getContentAsString()).contains("<html", "What do you need help with?");
		assertThat(restore.getHeaders("Vary")).contains("HX-Request");
		var whole = this.mvc.perform(api("/search?q=food")).andReturn().getResponse();
		assertThat(whole.getHeaders("Vary")).contains("HX-Request");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aNeedNearAPostcodeFindsTheServiceWithItsDistance(boolean htmx) throws Exception {
		String html = page("/search?q=food&where=PR1%202JA", htmx);
		assertThat(html).contains("1 service for food near PR1 2JA")
			.contains("href=\"/services/" + RecordId.of("county", "service", "pantry") + "?from=")
			.contains("Preston Pantry")
			.contains("Pantry Network")
			.contains("Less than 0.1 miles away")
			.contains("Ages 18 and over")
			.contains("Checked 6 years ago")
			.contains("govuk-tag--green\">Free</strong>")
			.contains("govuk-tag--orange\">Needs referral</strong>");
		// Imported text is escaped, never markup.
		assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
		assertThat(html.contains("<html")).isEqualTo(!htmx);
		// htmx gets the filters and results, not the search box above them.
		assertThat(html).contains("Apply filters").contains("id=\"search-results-row\"");
		assertThat(html.contains("What do you need help with?")).isEqualTo(!htmx);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theCompactViewGivesEachServiceInALineWithItsPhoneAndKeepsToItself(boolean htmx) throws Exception {
		String full = page("/search?delivery=phone", htmx);
		assertThat(full).contains("href=\"/search?delivery=phone&amp;view=compact\"")
			.doesNotContain("signpost-compact-list");

		String compact = page("/search?delivery=phone&view=compact", htmx);
		assertThat(compact).contains("signpost-compact-list")
			.contains("Money Helpline")
			.contains("href=\"tel:0800000000\">0800 000 000</a>")
			.contains("By phone · ")
			.contains("href=\"/search?delivery=phone\">Show full details</a>")
			.doesNotContain("Add<span");
		// Tick several and add them at once: the checkboxes belong to the keep form, not
		// the search.
		assertThat(compact).contains("type=\"checkbox\" name=\"id\" form=\"keep\"")
			.contains("form=\"keep\" formaction=\"/list/add?back=/search?delivery%3Dphone%26view%3Dcompact\"")
			.contains("Add selected to your list");
		// Removing a filter, and the next page, stay compact; the search box carries it
		// too.
		assertThat(compact).contains("href=\"/search?view=compact\"");
		assertThat(compact.contains("name=\"view\" value=\"compact\"")).isEqualTo(!htmx);
		assertThat(page("/search?view=sideways", htmx)).doesNotContain("signpost-compact-list");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aFilterNarrowsTheResultsAndCanBeRemoved(boolean htmx) throws Exception {
		String html = page("/search?delivery=phone", htmx);
		assertThat(html).contains("1 service").contains("Money Helpline").doesNotContain("Preston Pantry");
		assertThat(html).contains("By phone").contains("href=\"/search\"").doesNotContain("Needs referral");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void nothingFoundSuggestsWhatToRelax(boolean htmx) throws Exception {
		String html = page("/search?q=food&age=10", htmx);
		assertThat(html).contains("0 services for food")
			.contains("Include services for any age (1 service)")
			.contains("href=\"/search?q=food\"");
	}

	@Test
	void aPlaceTheDirectoryDoesNotCoverIsNoErrorAndSaysWhatItCovers() throws Exception {
		String html = page("/search?where=CF10%201EP", false);
		assertThat(html).doesNotContain("There is a problem")
			.contains("We have no services with a venue within 5 miles of CF10 1EP yet",
					"The directory has services in places such as Preston")
			.contains("Money Helpline");
	}

	@Test
	void theCompactViewGivesEachServicesTownAndTodaysHours() throws Exception {
		String compact = page("/search?view=compact", false);
		assertThat(compact).contains("Preston · ", "Open now until 11:59pm · ");
	}

	@Test
	void useMyLocationGivesTheOutwardCodeAroundAPointNeverThePoint() throws Exception {
		String found = this.mvc.perform(api("/search/where?latitude=53.76&longitude=-2.71"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(this.json.readTree(found).path("where").asString()).isEqualTo("PR1");
		this.mvc.perform(api("/search/where?latitude=abc&longitude=-2.71")).andExpect(status().isBadRequest());
		this.mvc.perform(api("/search/where?latitude=0&longitude=-30")).andExpect(status().isNotFound());
		// Without JavaScript the button is hidden: the box works as ever.
		assertThat(page("/search", false)).contains("id=\"use-location\" hidden");
	}

	@Test
	void anAgeThatIsNotOneUnderHtmxLoadsTheWholePageSoTheErrorSummaryShows() throws Exception {
		var response = this.mvc.perform(api("/search?q=food&age=fifteen").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("HX-Redirect")).isEqualTo("/search?q=food&age=fifteen");
		assertThat(page("/search?q=food&age=fifteen", false)).contains("govuk-error-summary", "href=\"#age\"");
		assertThat(page("/search?q=food", false)).contains("<h1 class=\"govuk-heading-l\">Find local services</h1>");
	}

	@Test
	void resultsAboutDomesticAbuseOfferExitThisPage() throws Exception {
		assertThat(page("/search?q=domestic%20abuse", false)).contains("govuk-exit-this-page");
		assertThat(page("/search?q=food", false)).doesNotContain("govuk-exit-this-page");
	}

	@Test
	void thePlaceHintGivesExamplesFromTheDirectoryItself() throws Exception {
		assertThat(page("/search", false)).contains("For example, PR1 2JA, PR1 or Preston");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void nothingFoundGivesAdviceAndNoPanelOfZeroCountsButKeepsTheFilters(boolean htmx) throws Exception {
		String html = page("/search?q=food&age=10&where=PR1%202JA", htmx);
		assertThat(html).contains("You could:", "check the spelling", "search a wider area", "remove a filter")
			.doesNotContain("Apply filters")
			.contains("type=\"hidden\" name=\"age\" value=\"10\"");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void nearAPlaceVenuesWithinReachComeFirstAndPhoneLinesElsewhereAreAGroupOfTheirOwn(boolean htmx) throws Exception {
		String html = page("/search?where=PR1%202JA", htmx);
		assertThat(html).contains("Showing 1 to 2 of 2 services", "Also available to you by phone or online");
		int pantry = html.indexOf("Preston Pantry");
		int also = html.indexOf("Also available to you by phone or online");
		int helpline = html.indexOf("Money Helpline");
		assertThat(pantry).isPositive().isLessThan(also);
		assertThat(helpline).isGreaterThan(also);
		// Without a place there are no groups.
		assertThat(page("/search", htmx)).contains("Showing 1 to 2 of 2 services")
			.doesNotContain("Also available to you");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void aPlaceTypedAfterTheNeedIsSearchedNearWithAWayBackToTheWordsAsTyped(boolean htmx) throws Exception {
		String html = page("/search?q=food%20in%20Preston", htmx);
		assertThat(html).contains("1 service for food near Preston, Lancashire",
				"Showing results for food near Preston, Lancashire.",
				"href=\"/search?q=food+in+Preston&amp;exact=true\">Search for ‘food in Preston’ instead</a>");
		// As typed, the place stays words.
		assertThat(page("/search?q=food%20in%20Preston&exact=true", htmx)).doesNotContain("Showing results for food");
		// A word that says a need is never taken for a place.
		assertThat(page("/search?q=debt%20advice", htmx)).doesNotContain("Showing results for");
		// Nor a word only the shipped gazetteer calls a place, unless after "in".
		assertThat(page("/search?q=food%20deal", htmx)).doesNotContain("Showing results for");
		assertThat(page("/search?q=food%20near%20Deal", htmx)).contains("Showing results for food near Deal");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void wordsAboutWhoItIsForAreNotSearchedAndMayOfferAnAge(boolean htmx) throws Exception {
		String html = page("/search?q=food%20for%20my%20nan", htmx);
		assertThat(html).contains("1 service for food")
			.contains("href=\"/search?q=food+for+my+nan&amp;age=65\">Show only services for people aged 65</a>");
		assertThat(page("/search?q=food%20for%20my%20nan&age=70", htmx))
			.doesNotContain("Show only services for people");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void theHeadingSaysTheNeedNotTheWholeSentenceAndCutsLongWords(boolean htmx) throws Exception {
		assertThat(page("/search?q=I%20need%20help%20with%20food", htmx)).contains("1 service for food<");
		String longWords = "food " + "pantry ".repeat(40);
		String html = page("/search?q=" + longWords.strip().replace(" ", "%20"), htmx);
		String heading = html.replaceAll("(?s).*id=\"result-count\">([^<]*)<.*", "$1");
		assertThat(heading).startsWith("1 service for food pantry pantry").endsWith("…").hasSizeLessThan(90);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anUnknownPlaceSaysSoAndKeepsWhatWasTyped(boolean htmx) throws Exception {
		String html = page("/search?q=food&where=Atlantis", htmx);
		if (!htmx) {
			assertThat(html).contains("There is a problem")
				.contains("We could not find a place called Atlantis")
				.contains("value=\"Atlantis\"");
		}
		assertThat(html).doesNotContain("Preston Pantry");
	}

}
