package uk.signpost.directory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The service page from a record with every field filled: what people see, in words. */
class ServicePageTest extends WebTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	@BeforeEach
	void directory() throws Exception {
		clear();
		load("council", resource("every-field.json"));
	}

	private String html(String path, int status) throws Exception {
		return this.mvc.perform(api(path))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void itSaysWhoItIsForWhatItCostsWhenAndWhereItIsAndHowToGetInTouch() throws Exception {
		String html = html("/services/" + ID, 200);
		assertThat(html).contains("<h1 class=\"govuk-heading-l\">Preston Foodbank</h1>")
			.contains("Preston Foodbank Trust")
			.contains("For people aged 18 to 99")
			.contains("Anyone in financial crisis living in Preston")
			.contains(">Free<")
			.contains("Call us first, or bring a voucher from your GP or Citizens Advice")
			.contains("A foodbank voucher")
			.contains("Monday and Wednesday, 10am to 12:30pm")
			.contains("Closed on bank holidays")
			.contains("St Mary&#39;s Church Hall")
			.contains("1 Church Street")
			.contains("PR1 3BQ")
			.contains("Step-free entrance: Ramp at the side door")
			.contains("https://www.openstreetmap.org/?mlat=53.76320&amp;mlon=-2.70310")
			.contains("href=\"tel:01632960123\"")
			.contains("href=\"mailto:help@foodbank.example.org\"")
			.contains("Sam Whittle")
			.contains("href=\"tel:01632960124\"")
			// Who checked it is the publisher, never a person's email address.
			.contains("Checked on 3 March 2026 by council.")
			.contains("Published by council")
			.contains("Closed between Christmas and New Year")
			.contains("href=\"/search\" class=\"govuk-back-link\"")
			.doesNotContain("checker@example.org");
		// The text to copy for a case note, there without JavaScript too.
		assertThat(html).contains("Contact details as text")
			.contains("Preston Foodbank (Preston Foodbank Trust)\nPhone: 01632 960123\n"
					+ "Email: help@foodbank.example.org\nWebsite: https://foodbank.example.org/preston\n"
					+ "Address: 1 Church Street, Fishergate, Preston, Lancashire, PR1 3BQ\n"
					+ "Open: Monday and Wednesday, 10am to 12:30pm\nChecked: 3 March 2026");
	}

	@Autowired
	ServicePages pages;

	@Autowired
	ServiceRepository services;

	@Autowired
	LocationRepository locations;

	@Autowired
	MessageSource messages;

	/**
	 * The page reads its rows with plain SQL (ServicePages): what it reads is what the
	 * repositories read, every field, apart from the children the page does not show.
	 */
	@Test
	void itReadsTheServiceAndItsPlacesAsTheRepositoriesDo() {
		ServicePage page = this.pages.find(ID, "/search", new MessageSourceAccessor(this.messages)).orElseThrow();
		Service stored = this.services.findById(ID).orElseThrow();
		assertThat(page.service()).usingRecursiveComparison()
			.ignoringFields("serviceAtLocations", "serviceAreas", "funding", "attributes", "metadata")
			.isEqualTo(stored);
		assertThat(page.service().schedules()).isNotEmpty();
		assertThat(page.service().phones()).isNotEmpty();
		assertThat(page.service().costOptions()).isNotEmpty();
		assertThat(page.venues()).hasSize(stored.serviceAtLocations().size())
			.map(ServicePage.Venue::location)
			.containsExactlyElementsOf(stored.serviceAtLocations()
				.stream()
				.map(sal -> this.locations.findById(sal.locationId()).orElseThrow())
				.toList());
		assertThat(page.venues().get(0).location().addresses()).isNotEmpty();
		assertThat(page.venues().get(0).location().accessibility()).isNotEmpty();
		assertThat(page.organization()).isEqualTo("Preston Foodbank Trust");
		assertThat(page.terms()).isNotEmpty();
		assertThat(this.pages.find("nope", "/search", new MessageSourceAccessor(this.messages))).isEmpty();
	}

	@Test
	void backGoesToTheResultsItCameFromButNeverToAnotherSite() throws Exception {
		assertThat(html("/services/" + ID + "?from=%2Fsearch%3Fq%3Dfood", 200))
			.contains("href=\"/search?q=food\" class=\"govuk-back-link\"");
		assertThat(html("/services/" + ID + "?from=https%3A%2F%2Fevil.example", 200))
			.contains("href=\"/search\" class=\"govuk-back-link\"")
			.doesNotContain("evil.example");
	}

	@Test
	void anOldRecordCarriesAWarningAndAbuseServicesAnExitButton() throws Exception {
		assertThat(html("/services/" + ID, 200)).doesNotContain("has not been checked for over a year")
			.doesNotContain("Exit this page");
		load("council", """
				[{"id": "old", "name": "Lunch club", "status": "active", "assured_date": "2024-06-01"},
				 {"id": "refuge", "name": "Domestic abuse refuge", "status": "active", "description": "A safe place",
				 "assured_date": "2026-11-01"}]""");
		assertThat(html("/services/" + RecordId.of("council", "service", "old"), 200))
			.contains("has not been checked for over a year");
		String refuge = html("/services/" + RecordId.of("council", "service", "refuge"), 200);
		assertThat(refuge).contains("Exit this page").doesNotContain("has not been checked for over a year");
	}

	@Test
	void aTemporarilyClosedServiceSaysSoAndNeverThatItIsOpen() throws Exception {
		assertThat(html("/services/" + ID, 200))
			.doesNotContain("The publisher says this service is temporarily closed");
		load("council",
				resource("every-field.json").replace("\"status\": \"active\"", "\"status\": \"temporarily closed\""));
		String page = html("/services/" + ID, 200);
		assertThat(page).contains("govuk-warning-text", "The publisher says this service is temporarily closed.")
			.doesNotContain("Open now")
			.doesNotContain("Closed now")
			.doesNotContain("Opens ");
		// Read first: under the heading, before how to get in touch and "Add to your
		// list".
		int warning = page.indexOf("The publisher says this service is temporarily closed.");
		assertThat(warning).isGreaterThan(page.indexOf("<h1"))
			.isLessThan(page.indexOf("id=\"contact-summary\""))
			.isLessThan(page.indexOf("action=\"/list/add\""));
		assertThat(html("/search?q=food+bank", 200)).contains("Temporarily closed");
	}

	@Test
	void importedMarkupIsShownAsTextNeverRun() throws Exception {
		load("council", """
				{"id": "x", "name": "<img src=x onerror=alert(1)>", "status": "active",
				 "description": "<script>alert('x')</script>", "url": "javascript:alert(1)"}""");
		String html = html("/services/" + RecordId.of("council", "service", "x"), 200);
		assertThat(html).doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.contains("&lt;script&gt;")
			.doesNotContain("javascript:");
	}

	@Test
	void withdrawnAndUnknownServicesSaySoWithTheRightStatus() throws Exception {
		this.jdbc.update("UPDATE service SET withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", ID);
		assertThat(html("/services/" + ID, 410)).contains("This service is no longer listed")
			.contains("Search for other services");
		assertThat(html("/services/nope", 404)).contains("Page not found");
	}

	@Test
	void howToGetInTouchComesBeforeTheLongSections() throws Exception {
		String html = html("/services/" + ID, 200);
		// The summary's links go through Signpost, which counts the click and sends the
		// person on (AnalyticsTest).
		int phone = html.indexOf("href=\"/services/" + ID + "/go/phone\"");
		assertThat(phone).isPositive()
			.isLessThan(html.indexOf("Free food parcels for people in crisis"))
			.isLessThan(html.indexOf("Who it is for and how to get it"))
			.isLessThan(html.indexOf("Opening hours"));
		String summary = html.substring(html.indexOf("id=\"contact-summary\""), html.indexOf("Add to your list"));
		assertThat(summary).contains("href=\"/services/" + ID + "/go/email\"", ">help@foodbank.example.org<")
			.contains("href=\"/services/" + ID + "/go/website\"", ">https://foodbank.example.org/preston<");
	}

	@Test
	void costShowsTheFeesAndEachOptionOnce() throws Exception {
		load("council",
				"""
						{"id": "swim", "name": "Swimming lessons", "status": "active", "fees": "Concessions available",
						 "cost_options": [
						   {"id": "c1", "option": "Per session", "amount": 7, "amount_description": "Per session", "currency": "GBP"},
						   {"id": "c2", "option": "Per session", "amount": 7, "amount_description": "per session"},
						   {"id": "c3", "option": "Block of ten", "amount": 60},
						   {"id": "c4", "option": "Per visit", "amount": 2,
						    "amount_description": "Per visit; free for people on Universal Credit"}]}""");
		String html = html("/services/" + RecordId.of("council", "service", "swim"), 200);
		assertThat(html).contains("<li>Concessions available</li>")
			.contains("<li>£7.00 per session</li>")
			.contains("<li>Block of ten, £60.00</li>")
			.contains("<li>£2.00 per visit; free for people on Universal Credit</li>")
			.doesNotContain("£7.00, Per session");
		assertThat(html.split("£7.00 per session", -1)).hasSize(2);
	}

	@Test
	void checkedByNamesATeamOrThePublisherNeverAnAddress() throws Exception {
		load("council", """
				[{"id": "team", "name": "Lunch club", "status": "active", "assured_date": "2026-11-01",
				  "assurer_email": "family-information-team@council.example.org"},
				 {"id": "person", "name": "Coffee morning", "status": "active", "assured_date": "2026-11-01",
				  "assurer_email": "jo.bloggs@council.example.org"}]""");
		assertThat(html("/services/" + RecordId.of("council", "service", "team"), 200))
			.contains("Checked on 1 November 2026 by the family information team.")
			.doesNotContain("family-information-team@");
		assertThat(html("/services/" + RecordId.of("council", "service", "person"), 200))
			.contains("Checked on 1 November 2026 by council.")
			.doesNotContain("jo.bloggs");
	}

	@Test
	void eachVenueListsItsAccessibilityAndOffersDirections() throws Exception {
		load("council",
				"""
						{"id": "hall", "name": "Warm space", "status": "active",
						 "service_at_locations": [{"id": "sal", "location": {"id": "market", "name": "Market Hall",
						   "latitude": 53.759, "longitude": -2.6995,
						   "accessibility": [{"id": "a1", "description": "Step-free entrance; accessible toilet\\nHearing loop"},
						                     {"id": "a2", "description": "Changing Places toilet"}]}}]}""");
		String html = html("/services/" + RecordId.of("council", "service", "hall"), 200);
		assertThat(html)
			.contains("<li>Step-free entrance</li>", "<li>accessible toilet</li>", "<li>Hearing loop</li>",
					"<li>Changing Places toilet</li>")
			.contains("href=\"https://www.openstreetmap.org/directions?to=53.75900,-2.69950\"")
			.contains(">Directions to Market Hall<");
		// Every venue with coordinates has its own, named for it.
		assertThat(html("/services/" + ID, 200)).contains(">Directions to St Mary&#39;s Church Hall<");
	}

	@Test
	void theSensitiveRuleReadsWholeWordsInAnyCase() {
		assertThat(Sensitive.about("Domestic Abuse refuge")).isTrue();
		assertThat(Sensitive.about(null, "Food banks", "Rape crisis")).isTrue();
		assertThat(Sensitive.about("Sexual  violence")).isTrue();
		assertThat(Sensitive.about("Grapevine befriending", "Grapes of wrath")).isFalse();
		assertThat(Sensitive.about()).isFalse();
	}

}
