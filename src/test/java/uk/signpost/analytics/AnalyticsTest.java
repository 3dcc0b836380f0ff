package uk.signpost.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.Validity;
import uk.signpost.staff.Role;
import uk.signpost.staff.SignIn;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Analytics through the real pages, database and index: searches, service views, contact
 * clicks and list additions are recorded with nothing about who made them, rolled up into
 * daily totals, and shown (small counts hidden) on the workspace's Analytics page and in
 * its CSVs, a publisher account seeing only its own services.
 */
class AnalyticsTest extends WebTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	static final String PASSWORD = "a long enough password";

	/** Who a request came from, which must never be recorded. */
	static final String ADDRESS = "203.0.113.77";

	static final String BROWSER = "TestBrowser/9.9 (analytics)";

	@Autowired
	Recorder recorder;

	@Autowired
	Rollup rollup;

	@Autowired
	StaffAccounts accounts;

	@BeforeEach
	void directory() throws Exception {
		clear();
		Staffing.reset(this.jdbc);
		this.recorder.flush();
		this.jdbc.update("DELETE FROM analytics_event");
		this.jdbc.update("DELETE FROM analytics_day");
		load("council", resource("every-field.json"));
		load("charity", resource("every-field.json"));
		this.accounts.add(new StaffAccounts.NewAccount("curator@example.org", "Cal Curator", "Council", Role.CURATOR,
				Set.of(), PASSWORD), Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("pat@charity.example.org", "Pat Publisher", "Charity",
				Role.PUBLISHER, Set.of("charity"), PASSWORD), Instant.now());
	}

	@AfterEach
	void recording() {
		this.recorder.enable(true);
	}

	/** A request as a browser makes it, with an address and a user agent. */
	private static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request) {
		return request.header("User-Agent", BROWSER).header("X-Forwarded-For", ADDRESS).with(r -> {
			r.setRemoteAddr(ADDRESS);
			return r;
		});
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return this.mvc.perform(from(api(path))).andReturn().getResponse();
	}

	private List<Map<String, Object>> events() {
		this.recorder.flush();
		return this.jdbc.queryForList("SELECT * FROM analytics_event ORDER BY id");
	}

	@Test
	void searchesViewsClicksAndAdditionsAreRecordedWithNothingAboutWho() throws Exception {
		assertThat(page("/search?q=Food%20%20Bank&where=PR1%203BQ&free=true").getStatus()).isEqualTo(200);
		assertThat(page("/search?q=xyzzyq%20plover&exact=true").getStatus()).isEqualTo(200);
		assertThat(page("/services/" + ID + "?from=%2Fsearch%3Fq%3DFood%2BBank%26where%3DPR1%2B3BQ").getStatus())
			.isEqualTo(200);
		assertThat(page("/services/" + ID + "/go/phone").getRedirectedUrl()).isEqualTo("tel:01632960123");
		assertThat(page("/services/" + ID + "/go/email").getRedirectedUrl())
			.isEqualTo("mailto:help@foodbank.example.org");
		assertThat(page("/services/" + ID + "/go/website").getRedirectedUrl())
			.isEqualTo("https://foodbank.example.org/preston");
		// Added from the service page, with the token its form carries and the cookie
		// (or,
		// after another class's csrf() in this shared context, the session) that holds
		// it.
		var shown = this.mvc.perform(from(api("/services/" + ID))).andReturn();
		String html = shown.getResponse().getContentAsString();
		assertThat(html).contains("href=\"/services/" + ID + "/go/phone\"");
		MockHttpServletRequestBuilder add = from(MockMvcRequestBuilders.post("/list/add"));
		shown.getResponse()
			.getHeaders("Set-Cookie")
			.stream()
			.map(c -> c.substring(0, c.indexOf(';')))
			.forEach(c -> add.cookie(
					new jakarta.servlet.http.Cookie(c.substring(0, c.indexOf('=')), c.substring(c.indexOf('=') + 1))));
		if (shown.getRequest().getSession(false) instanceof MockHttpSession session) {
			add.session(session);
		}
		this.mvc.perform(add.param("_csrf", SignIn.token(html)).param("id", ID).param("back", "/services/" + ID))
			.andExpect(redirectedUrl("/services/" + ID));

		List<Map<String, Object>> events = events();
		assertThat(events).extracting(e -> e.get("kind"))
			.containsExactly("search", "search", "view", "phone", "email", "website", "view", "list");
		Map<String, Object> search = events.get(0);
		assertThat(search).containsEntry("need", "food bank")
			.containsEntry("area", "PR1")
			.containsEntry("filters", "free")
			.containsEntry("page", 1);
		assertThat(String.valueOf(search.get("on_day"))).isEqualTo(Validity.today(Clock.systemUTC()).toString());
		assertThat(((Number) search.get("results")).longValue()).isPositive();
		Map<String, Object> nothing = events.get(1);
		assertThat(((Number) nothing.get("results")).longValue()).isZero();
		assertThat(nothing).containsEntry("as_typed", true).containsEntry("area", null);
		assertThat(events.get(2)).containsEntry("service_id", ID)
			.containsEntry("publisher_id", "council")
			.containsEntry("need", "food bank");
		assertThat(events.get(7)).containsEntry("service_id", ID);
		// Never the full postcode, the address or the browser, in any column.
		assertThat(events.toString()).doesNotContain("3BQ", ADDRESS, "TestBrowser", "127.0.0.1");
		assertThat(this.jdbc.queryForList(
				"SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'analytics_event'",
				String.class))
			.noneMatch(column -> column.contains("ip") || column.contains("agent") || column.contains("postcode"));
	}

	@Test
	void whatIsTooLongForItsColumnIsCutAndHoldsBackNothing() throws Exception {
		String longest = "a".repeat(5000);
		assertThat(page("/search?category=" + longest).getStatus()).isEqualTo(200);
		assertThat(page("/search?q=food").getStatus()).isEqualTo(200);
		List<Map<String, Object>> events = events();
		assertThat(events).extracting(e -> e.get("kind")).containsExactly("search", "search");
		assertThat((String) events.get(0).get("category")).hasSize(200);
		assertThat(events.get(1).get("need")).isEqualTo("food");
	}

	@Test
	void theContactRedirectGoesOnlyToTheServicesOwnDetails() throws Exception {
		assertThat(page("/services/" + ID + "/go/website?to=https://evil.example.org&url=https://evil.example.org")
			.getRedirectedUrl()).isEqualTo("https://foodbank.example.org/preston");
		assertThat(page("/services/" + ID + "/go/elsewhere").getStatus()).isEqualTo(404);
		assertThat(page("/services/" + ID + "/go/https:%2F%2Fevil.example.org").getStatus()).isBetween(400, 404);
		assertThat(page("/services/nope/go/phone").getStatus()).isEqualTo(404);
		this.jdbc.update("UPDATE service SET email = ?, url = ? WHERE id = ?", "help@x.org\r\nLocation: https://evil",
				"javascript:alert(1)", ID);
		assertThat(page("/services/" + ID + "/go/email").getStatus()).isEqualTo(404);
		assertThat(page("/services/" + ID + "/go/website").getStatus()).isEqualTo(404);
		this.jdbc.update("UPDATE service SET withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", ID);
		assertThat(page("/services/" + ID + "/go/phone").getStatus()).isEqualTo(404);
		// The first redirect is the only click counted.
		assertThat(events()).extracting(e -> e.get("kind")).containsExactly("website");
	}

	@Test
	void aSearchPageSetsNoCookieForAnalytics() throws Exception {
		this.recorder.enable(false);
		List<String> without = cookieNames(page("/search?q=food&where=PR1"));
		assertThat(events()).isEmpty();
		this.recorder.enable(true);
		MockHttpServletResponse recorded = page("/search?q=food&where=PR1");
		assertThat(cookieNames(recorded)).isEqualTo(without);
		// Only the form token's cookie, which the page's "Add to your list" form needs.
		assertThat(cookieNames(recorded)).isSubsetOf("signpost-csrf");
		assertThat(events()).hasSize(1);
		assertThat(page("/services/" + ID).getHeaders("Set-Cookie")).noneMatch(c -> !c.startsWith("signpost-csrf="));
	}

	private static List<String> cookieNames(MockHttpServletResponse response) {
		return response.getHeaders("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf('='))).sorted().toList();
	}

	@Test
	void aRelaxationsLinkSaysItWasFollowed() throws Exception {
		page("/search?q=food&where=PR1&from=relaxation");
		assertThat(events().get(0)).containsEntry("from_relaxation", true);
	}

	@Test
	void theRollupMakesEachDaysTotalsAgainAndKeepsThemWhenTheEventsAreGone() throws Exception {
		for (int i = 0; i < 6; i++) {
			page("/search?q=food&where=PR1");
		}
		page("/search?q=xyzzyq&where=PR1&exact=true");
		events();
		LocalDate today = Validity.today(Clock.systemUTC());
		this.rollup.rollUp(today);
		List<Map<String, Object>> once = this.jdbc.queryForList("SELECT * FROM analytics_day ORDER BY need");
		this.rollup.rollUp(today);
		assertThat(this.jdbc.queryForList("SELECT * FROM analytics_day ORDER BY need")).isEqualTo(once);
		assertThat(once).hasSize(2);
		assertThat(once.get(0)).containsEntry("need", "food").containsEntry("area", "PR1");
		assertThat(((Number) once.get(0).get("events")).longValue()).isEqualTo(6);
		assertThat(((Number) once.get(1).get("zero_results")).longValue()).isEqualTo(1);
		// Events past keep-days go; their day's totals stay, even rolled up again.
		LocalDate old = today.minusDays(120);
		this.jdbc.update("""
				INSERT INTO analytics_event (at, on_day, kind, need, results, page) VALUES (CURRENT_TIMESTAMP, ?,
				'search', 'old need', 0, 1)""", old);
		this.rollup.daily();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM analytics_event WHERE on_day = ?", Long.class, old))
			.isZero();
		this.rollup.rollUp(old);
		assertThat(this.jdbc.queryForObject("SELECT SUM(events) FROM analytics_day WHERE on_day = ?", Long.class, old))
			.isEqualTo(1);
	}

	@Test
	void theDashboardShowsTheFiguresWithSmallCountsHiddenAndEachTableAsCsv() throws Exception {
		for (int i = 0; i < 7; i++) {
			page("/search?q=food&where=PR1%203BQ");
		}
		for (int i = 0; i < 5; i++) {
			page("/search?q=%3DHYPERLINK(%22http://x%22)&exact=true");
		}
		for (int i = 0; i < 2; i++) {
			page("/search?q=xyzzyq&where=PR1&exact=true");
		}
		for (int i = 0; i < 6; i++) {
			page("/services/" + ID + "?from=%2Fsearch%3Fq%3Dfood");
		}
		page("/services/" + ID + "/go/phone");
		events();
		this.rollup.rollUp(Validity.today(Clock.systemUTC()));

		MockHttpSession curator = SignIn.as(this.mvc, "curator@example.org", PASSWORD);
		String dashboard = SignIn.page(this.mvc, curator, "/manage/analytics");
		assertThat(dashboard)
			.contains("Searches per week", "Needs searched most", "Unmet needs by area",
					"Needs where people refine their search or give up", "Views and contact clicks by publisher",
					"Services nobody has viewed in 90 days")
			.contains("<svg", "role=\"img\"", "<title id=\"weeks-title\"", "<desc id=\"weeks-desc\"")
			.contains("aria-current=\"page\"")
			.contains("href=\"/manage/analytics/needs.csv?from=")
			.doesNotContain("style=");
		assertThat(dashboard).contains("14 searches in these dates; 7 found nothing (50%).")
			// Two searches for xyzzyq near PR1 found nothing: words searched so few
			// times may say who typed them, so they are not shown at all.
			.doesNotContain("xyzzyq")
			.contains("Only words searched at least 5 times");

		String needs = csv(curator, "needs");
		assertThat(needs).startsWith("Need,Searches,Found nothing\r\n")
			.contains("\r\nfood,7,0\r\n")
			// A formula typed as a search is text in a spreadsheet.
			.contains("\r\n\"'=hyperlink(\"\"http://x\"\")\",5,5\r\n");
		assertThat(csv(curator, "areas")).doesNotContain("xyzzyq").doesNotContain("3BQ");
		assertThat(csv(curator, "unmet")).doesNotContain("xyzzyq");
		String publishers = csv(curator, "publishers");
		assertThat(publishers).contains("\r\ncouncil,6,fewer than 5,0,0,0\r\n").contains("\r\ncharity,0,0,0,0,0\r\n");
		assertThat(csv(curator, "unviewed")).contains("charity").doesNotContain("council");

		// A publisher account sees only its own publishers' services.
		MockHttpSession pat = SignIn.as(this.mvc, "pat@charity.example.org", PASSWORD);
		assertThat(csv(pat, "publishers")).contains("charity").doesNotContain("council");
		assertThat(SignIn.page(this.mvc, pat, "/manage/analytics")).contains(">charity<").doesNotContain(">council<");
	}

	@Test
	void badDatesAreSaidOnThePageNeverAFailure() throws Exception {
		MockHttpSession curator = SignIn.as(this.mvc, "curator@example.org", PASSWORD);
		String refused = this.mvc
			.perform(get("/manage/analytics").session(curator).param("from", "31/2/2026").param("to", "yesterday"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("There is a problem", "Error: Analytics",
				"Enter the start date as a real date, like 1/11/2026", "value=\"31/2/2026\"");
		assertThat(this.mvc
			.perform(get("/manage/analytics").session(curator).param("from", "1/12/2026").param("to", "1/11/2026"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("The end date must be the same as or after the start date");
		assertThat(this.mvc
			.perform(get("/manage/analytics").session(curator).param("from", "2026-11-01").param("to", "30 11 2026"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("From 1 November 2026 to 30 November 2026");
		this.mvc.perform(get("/manage/analytics/needs.csv").session(curator).param("from", "nonsense"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/manage/analytics/nothing.csv").session(curator)).andExpect(status().isNotFound());
		this.mvc.perform(get("/manage/analytics")).andExpect(redirectedUrl("/sign-in"));
	}

	private String csv(MockHttpSession session, String table) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/manage/analytics/" + table + ".csv").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
		// UTF-8's byte order mark first, so Excel on Windows reads "’" (CsvTest).
		assertThat(java.util.Arrays.copyOf(response.getContentAsByteArray(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		return response.getContentAsString().substring(1);
	}

}
