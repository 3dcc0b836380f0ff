package uk.signpost.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reviews through the real chain, database and pages: what is due when, who sees what,
 * marking a service as checked, and what the public pages then say.
 */
class ReviewsTest extends WebTest {

	static final LocalDate TODAY = LocalDate.now(Validity.UK);

	@Autowired
	StaffAccounts accounts;

	@Autowired
	ReviewReminders reminders;

	@Autowired
	MessageSource messages;

	@BeforeEach
	void directory() throws Exception {
		clear();
		this.jdbc.update("DELETE FROM service_check");
		this.jdbc.update("DELETE FROM review_reminder");
		Staffing.reset(this.jdbc);
		Staffing.add(this.accounts, "curator@example.org", "Cal Curator", "Lancashire County Council", Role.CURATOR);
		Staffing.add(this.accounts, "pat@example.org", "Pat Publisher", "Council Family Services", Role.PUBLISHER,
				"council");
		load("council", feed(TODAY.minusMonths(14), TODAY.minusMonths(4), TODAY.minusMonths(12).plusDays(10),
				TODAY.minusMonths(10)));
		load("other", """
				[{"id": "o1", "name": "Other lunch club", "status": "active", "assured_date": "%s"}]"""
			.formatted(TODAY.minusYears(2)));
	}

	/**
	 * Services of "council": "old" (no category), "crisis" (Crisis support, a shorter
	 * period), "soon" and "fine", checked on these days; "never" dated by nothing.
	 */
	static String feed(LocalDate old, LocalDate crisis, LocalDate soon, LocalDate fine) {
		return """
				[{"id": "needs", "name": "Needs", "description": "Needs", "uri": "https://example.org/needs",
				  "version": "1", "taxonomy_terms": [{"id": "crisis-support", "name": "Crisis support",
				  "description": "In crisis"}]},
				 {"id": "old", "name": "Old lunch club", "status": "active", "assured_date": "%s",
				  "assurer_email": "jo.bloggs@council.example.org"},
				 {"id": "crisis", "name": "Crisis line", "status": "active", "assured_date": "%s",
				  "attributes": [{"id": "a1", "taxonomy_term_id": "crisis-support"}]},
				 {"id": "soon", "name": "Soon club", "status": "active", "assured_date": "%s"},
				 {"id": "fine", "name": "Fine club", "status": "active", "assured_date": "%s"},
				 {"id": "never", "name": "Never club", "status": "active"}]""".formatted(old, crisis, soon, fine);
	}

	static String id(String publisher, String source) {
		return RecordId.of(publisher, "service", source);
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String publicPage(String source) throws Exception {
		return this.mvc.perform(get("/services/" + id("council", source)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String date(LocalDate day) {
		return Dates.date(day, new MessageSourceAccessor(this.messages, java.util.Locale.UK));
	}

	/** Marks a service as checked with the token of the list the person has open. */
	private ResultActions check(MockHttpSession session, String serviceId) throws Exception {
		String list = page("/manage/reviews", session);
		return this.mvc.perform(MockMvcRequestBuilders.post("/manage/reviews/" + serviceId + "/check")
			.session(session)
			.param("_csrf", Staffing.token(list)));
	}

	@Test
	void theListHasOverdueAndSoonDueServicesOldestFirstWithAShorterPeriodForCrisisSupport() throws Exception {
		String html = page("/manage/reviews", Staffing.signIn(this.mvc, "curator@example.org"));
		// Never dated first, then by due date; "fine" is not due for two months.
		assertThat(html).containsSubsequence("Never club", "Old lunch club", "Crisis line", "Soon club")
			.doesNotContain("Fine club")
			.contains("council: 3 overdue, 1 due soon")
			.contains("other: 1 overdue, 0 due soon")
			.contains("Other lunch club")
			// The crisis line was checked 4 months ago: 3 months is its period.
			.contains(date(TODAY.minusMonths(4).plusMonths(3)))
			.contains(date(TODAY.minusMonths(12).plusDays(10).plusMonths(12)))
			.contains("Due soon")
			.contains("in the publisher’s feed")
			.contains("Mark as checked");
		// Old and crisis are overdue, soon is due soon: the tags follow the rows in
		// order.
		assertThat(html.substring(html.indexOf("Old lunch club"))).containsSubsequence("Overdue", "Overdue",
				"Due soon");
	}

	@Test
	void aPublisherAccountSeesOnlyItsOwnPublishersServicesWhateverTheFilterSays() throws Exception {
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		for (String path : new String[] { "/manage/reviews", "/manage/reviews?publisher=other",
				"/manage/reviews?publisher=%00&page=-3", "/manage/reviews?page=zz&publisher=" }) {
			assertThat(page(path, pat)).contains("Old lunch club").doesNotContain("Other lunch club");
		}
		// With one publisher, there is nothing to choose.
		assertThat(page("/manage/reviews", pat)).doesNotContain("All your publishers");
		MockHttpSession curator = Staffing.signIn(this.mvc, "curator@example.org");
		assertThat(page("/manage/reviews?publisher=other", curator)).contains("Other lunch club")
			.doesNotContain("Old lunch club")
			.contains("All your publishers");
		assertThat(page("/manage/reviews?publisher=nobody&page=99", curator)).contains("Other lunch club")
			.contains("Old lunch club");
	}

	@Test
	void markingAsCheckedRecordsWhoAndWhenAndThePublicPageNamesThemButNoEmail() throws Exception {
		assertThat(publicPage("old")).contains("Checked on " + date(TODAY.minusMonths(14)) + " by council.")
			.contains("has not been checked for over a year");
		MockHttpSession curator = Staffing.signIn(this.mvc, "curator@example.org");
		check(curator, id("council", "old")).andExpect(redirectedUrl("/manage/reviews"));
		String list = this.mvc.perform(get("/manage/reviews").session(curator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("You have marked Old lunch club as checked");
		// Checked today, it is due again in a year: off the list.
		assertThat(list.substring(list.indexOf("</h1>"))).doesNotContain("Old lunch club");
		assertThat(this.jdbc.queryForMap("SELECT name, organisation FROM service_check WHERE service_id = ?",
				id("council", "old")))
			.containsEntry("name", "Cal Curator")
			.containsEntry("organisation", "Lancashire County Council");
		assertThat(publicPage("old"))
			.contains("Checked on " + date(TODAY) + " by Cal Curator, Lancashire County Council.")
			.doesNotContain("has not been checked for over a year")
			.doesNotContain("curator@example.org")
			.doesNotContain("jo.bloggs");
		assertThat(this.jdbc.queryForMap("SELECT actor, action, record_kind FROM audit_log WHERE record_id = ?",
				id("council", "old")))
			.containsEntry("actor", "curator@example.org")
			.containsEntry("action", "checked")
			.containsEntry("record_kind", "service");
		// The cards in search results count the check too.
		String results = this.mvc.perform(get("/search?q=lunch+club")).andReturn().getResponse().getContentAsString();
		assertThat(results.substring(results.indexOf("Old lunch club"))).contains("Checked this month");
	}

	@Test
	void theNewerOfTheFeedsAssuredDateAndTheRecordedCheckIsShownSayingWhich() throws Exception {
		record(id("council", "crisis"), TODAY.minusMonths(2));
		// Assured 4 months ago, recorded 2 months ago: the recorded check.
		assertThat(this.mvc.perform(get("/services/" + id("council", "crisis")))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("Checked on " + date(TODAY.minusMonths(2)) + " by Sam Patel, Lancashire County Council.");
		// The feed assures it later than that: the feed's, by the publisher.
		load("council", feed(TODAY.minusMonths(14), TODAY.minusMonths(1), TODAY.minusMonths(12).plusDays(10),
				TODAY.minusMonths(10)));
		assertThat(this.mvc.perform(get("/services/" + id("council", "crisis")))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Checked on " + date(TODAY.minusMonths(1)) + " by council.")
			.doesNotContain("Sam Patel");
	}

	@Test
	void aReimportNeverErasesARecordedCheck() throws Exception {
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		check(pat, id("council", "never")).andExpect(status().isFound());
		String line = "Checked on " + date(TODAY) + " by Pat Publisher, Council Family Services.";
		assertThat(publicPage("never")).contains(line);
		// The same feed again, then a changed one.
		load("council", feed(TODAY.minusMonths(14), TODAY.minusMonths(4), TODAY.minusMonths(12).plusDays(10),
				TODAY.minusMonths(10)));
		assertThat(publicPage("never")).contains(line);
		load("council", feed(TODAY.minusMonths(13), TODAY.minusMonths(5), TODAY.minusMonths(11), TODAY.minusMonths(9))
			.replace("Never club", "Never club (renamed)"));
		assertThat(publicPage("never")).contains("Never club (renamed)").contains(line);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_check", Integer.class)).isEqualTo(1);
	}

	@Test
	void everyRouteChecksWhoIsAskingAndNothingFailsOnBadInput() throws Exception {
		this.mvc.perform(get("/manage/reviews")).andExpect(redirectedUrl("/sign-in"));
		// Anonymous, with or without a token of their own, records nothing.
		int anonymous = this.mvc
			.perform(MockMvcRequestBuilders.post("/manage/reviews/" + id("council", "old") + "/check"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(anonymous).isIn(302, 403);
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		// Another publisher's service, an unknown one: not found.
		check(pat, id("other", "o1")).andExpect(status().isNotFound());
		check(pat, "no-such-service").andExpect(status().isNotFound());
		this.mvc
			.perform(MockMvcRequestBuilders.post("/manage/reviews/{id}/check", "x' OR '1'='1")
				.session(pat)
				.param("_csrf", Staffing.token(page("/manage/reviews", pat))))
			.andExpect(status().isNotFound());
		// A forged post without the page's token.
		this.mvc.perform(MockMvcRequestBuilders.post("/manage/reviews/" + id("council", "old") + "/check").session(pat))
			.andExpect(status().isForbidden());
		// The form's route is only posted to.
		this.mvc.perform(get("/manage/reviews/" + id("council", "old") + "/check").session(pat))
			.andExpect(status().is4xxClientError());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_check", Integer.class)).isZero();
		// A withdrawn service is not checked either.
		this.jdbc.update("UPDATE service SET withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", id("council", "old"));
		MockHttpSession curator = Staffing.signIn(this.mvc, "curator@example.org");
		check(curator, id("council", "old")).andExpect(status().isNotFound());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM service_check", Integer.class)).isZero();
		// A curator may check any publisher's; the filter and page come back, checked.
		String list = page("/manage/reviews?publisher=other", curator);
		this.mvc
			.perform(MockMvcRequestBuilders.post("/manage/reviews/" + id("other", "o1") + "/check")
				.session(curator)
				.param("publisher", "other")
				.param("page", "2")
				.param("_csrf", Staffing.token(list)))
			.andExpect(redirectedUrl("/manage/reviews?publisher=other&page=2"));
		this.mvc
			.perform(MockMvcRequestBuilders.post("/manage/reviews/" + id("other", "o1") + "/check")
				.session(curator)
				.param("publisher", "https://evil.example/")
				.param("page", "x")
				.param("_csrf", Staffing.token(list)))
			.andExpect(redirectedUrl("/manage/reviews"));
	}

	@Test
	void withoutAMailServerNoReminderIsSent() {
		assertThat(this.reminders.send(Instant.now())).isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM review_reminder", Integer.class)).isZero();
	}

	private void record(String serviceId, LocalDate day) {
		this.jdbc.update(
				"INSERT INTO service_check (service_id, account_id, name, organisation, checked_at) VALUES (?, 1, ?, ?, ?)",
				serviceId, "Sam Patel", "Lancashire County Council",
				OffsetDateTime.of(day.atTime(12, 0), ZoneOffset.UTC));
	}

}
