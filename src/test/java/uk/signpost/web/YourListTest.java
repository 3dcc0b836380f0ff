package uk.signpost.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Your list without an account or JavaScript: add, see, remove, print, text, share. */
class YourListTest extends WebTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	@BeforeEach
	void directory() throws Exception {
		clear();
		load("council", resource("every-field.json"));
	}

	private Cookie add(Cookie list, String id) throws Exception {
		var request = post("/list/add").param("id", id).param("back", "/services/" + id);
		if (list != null) {
			request.cookie(list);
		}
		return this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/services/" + id))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
	}

	@Test
	void addingWithNothingTickedSaysSoOnTheSameResultsAndKeepsNothing() throws Exception {
		String back = "/search?q=food&view=compact";
		var response = this.mvc.perform(post("/list/add").param("back", back))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(back + "&kept=none"))
			.andReturn()
			.getResponse();
		assertThat(response.getCookie(YourList.COOKIE)).isNull();
		String page = this.mvc.perform(get(back + "&kept=none")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<title>Error: ")
			.contains("<a href=\"#keep-1\">Select at least one service to add to your list</a>")
			.contains("id=\"keep-error\"")
			.contains("aria-describedby=\"keep-error\"");
		// The page's own links do not carry the error on.
		assertThat(page).doesNotContain("kept=none");
		String plain = this.mvc.perform(get(back)).andReturn().getResponse().getContentAsString();
		assertThat(plain).doesNotContain("keep-error").doesNotContain("<title>Error: ");
	}

	@Test
	void aServiceAddedIsListedPrintedAsTextSharedAndRemoved() throws Exception {
		Cookie list = add(null, ID);
		list = add(list, ID);
		assertThat(list.getValue()).isEqualTo(ID);
		assertThat(list.isHttpOnly()).isTrue();

		String page = this.mvc.perform(get("/list").cookie(list)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Your list (1)")
			.contains("Preston Foodbank")
			.contains("href=\"tel:01632960123\">01632 960123</a>")
			.contains("href=\"/list/print\"")
			.contains("href=\"/list?ids=" + ID + "\"");
		assertThat(this.mvc.perform(get("/list/text").cookie(list)).andReturn().getResponse().getContentAsString())
			.startsWith("Preston Foodbank (Preston Foodbank Trust)\nPhone: 01632 960123");
		assertThat(this.mvc.perform(get("/list/print").cookie(list)).andReturn().getResponse().getContentAsString())
			.contains("Services from Signpost")
			.contains("Checked: 3 March 2026")
			.doesNotContain("govuk-service-navigation");

		// Someone else opens the share link, with no list of their own, and keeps it.
		String shared = this.mvc.perform(get("/list").param("ids", ID)).andReturn().getResponse().getContentAsString();
		assertThat(shared).contains("A shared list").contains("Preston Foodbank").contains("Keep this list");

		Cookie removed = this.mvc.perform(post("/list/remove").param("id", ID).cookie(list))
			.andExpect(redirectedUrl("/list"))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
		assertThat(removed.getValue()).isEmpty();
		assertThat(removed.getMaxAge()).isZero();
	}

	@Test
	void resultCardsAddToTheListAndComeBackToTheSameResults() throws Exception {
		String results = fetch("/search?q=food");
		// The card's button sends the keep form, which carries the CSRF token.
		assertThat(results).contains("name=\"id\" value=\"" + ID + "\" form=\"keep\"")
			.contains("formaction=\"/list/add?back=/search?q%3Dfood\"")
			.containsPattern(
					"<form id=\"keep\" method=\"post\" action=\"/list/add\"><input type=\"hidden\" name=\"_csrf\"");
		Cookie list = this.mvc.perform(post("/list/add").param("id", ID).param("back", "/search?q=food"))
			.andExpect(redirectedUrl("/search?q=food"))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
		// Back on the results, and on the service page, it says so instead of offering it
		// again.
		String again = this.mvc.perform(get("/search").param("q", "food").cookie(list))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("In your list").doesNotContain("name=\"id\" value=\"" + ID + "\"");
		String service = this.mvc.perform(get("/services/" + ID).cookie(list))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(service).contains("In your list").doesNotContain("action=\"/list/add\"");
	}

	@Test
	void severalTickedInTheCompactResultsAreAddedAtOnceAndNoneTickedChangesNothing() throws Exception {
		String other = RecordId.of("council", "service", "another");
		Cookie list = this.mvc.perform(post("/list/add").param("id", ID, other).param("back", "/search?view=compact"))
			.andExpect(redirectedUrl("/search?view=compact"))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
		assertThat(list.getValue()).isEqualTo(ID + "." + other);
		// Nothing ticked: the list is not written at all, and the results say so.
		Cookie same = this.mvc.perform(post("/list/add").param("back", "/search?view=compact").cookie(list))
			.andExpect(redirectedUrl("/search?view=compact&kept=none"))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
		assertThat(same).isNull();
	}

	@Test
	void listsIgnoreAnythingThatIsNotAnIdAndNeverRedirectAway() throws Exception {
		assertThat(YourList.parse("not-an-id,<script>," + ID)).containsExactly(ID);
		this.mvc.perform(post("/list/add").param("id", ID).param("back", "//evil.example"))
			.andExpect(redirectedUrl("/list"));
	}

	/**
	 * Posts from Signpost's own page with the list's cookie, expecting a redirect there
	 * (any, when null); the list cookie it writes back.
	 */
	private Cookie send(MockHttpServletRequestBuilder request, Cookie list, String redirect) throws Exception {
		if (list != null) {
			request.cookie(list);
		}
		return this.mvc.perform(request)
			.andExpect(redirect == null ? status().is3xxRedirection() : redirectedUrl(redirect))
			.andReturn()
			.getResponse()
			.getCookie(YourList.COOKIE);
	}

	private String page(String path, Cookie list) throws Exception {
		var request = get(path);
		if (list != null) {
			request.cookie(list);
		}
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@Test
	void phoneNumbersOnTheListAreLinks() throws Exception {
		String page = page("/list", add(null, ID));
		assertThat(page).contains("Phone:", "href=\"tel:01632960123\">01632 960123</a>")
			.contains("href=\"mailto:help@foodbank.example.org\"");
	}

	@Test
	void theListLastsForTheBrowserSessionUnlessThePersonChoosesToKeepItOnTheDevice() throws Exception {
		Cookie list = add(null, ID);
		assertThat(list.getMaxAge()).isNegative();
		assertThat(page("/list", list)).contains("Keep this list on this device for 90 days")
			.doesNotContain("value=\"yes\" checked");
		Cookie kept = send(post("/list/device").param("keep", "yes"), list, "/list?device=kept");
		assertThat(kept.getMaxAge()).isEqualTo(90 * 24 * 60 * 60);
		assertThat(YourList.parse(kept.getValue())).containsExactly(ID);
		assertThat(page("/list?device=kept", kept)).contains("Your list will be kept on this device for 90 days")
			.containsPattern("name=\"keep\" value=\"yes\" checked");
		// Later changes keep the choice; unticking it goes back to the session.
		String other = RecordId.of("council", "service", "another");
		Cookie more = send(post("/list/add").param("id", other).param("back", "/list"), kept, "/list");
		assertThat(more.getMaxAge()).isEqualTo(90 * 24 * 60 * 60);
		assertThat(YourList.parse(more.getValue())).containsExactly(ID, other);
		Cookie forgotten = send(post("/list/device"), more, "/list?device=session");
		assertThat(forgotten.getMaxAge()).isNegative();
		assertThat(forgotten.getValue()).isEqualTo(ID + "." + other);
	}

	@Test
	void clearingEmptiesTheListAndSaysSo() throws Exception {
		Cookie list = add(null, ID);
		assertThat(page("/list", list)).contains("action=\"/list/clear\"", "Clear your list");
		// Only from Signpost's own page.
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/list/clear")
				.cookie(list))
			.andExpect(status().isForbidden());
		Cookie cleared = send(post("/list/clear"), list, "/list?cleared=yes");
		assertThat(cleared.getValue()).isEmpty();
		assertThat(cleared.getMaxAge()).isZero();
		assertThat(page("/list?cleared=yes", null)).contains("Your list has been cleared", "Your list (0)",
				"There is nothing in this list yet");
	}

	@Test
	void keepingASharedListAddsItToThePersonsOwnAndSaysHowMany() throws Exception {
		String second = "3a1f6c52-0000-4000-8000-000000000002";
		String third = "3a1f6c52-0000-4000-8000-000000000003";
		Cookie own = add(null, ID);
		own = send(post("/list/add").param("id", second).param("back", "/list"), own, "/list");
		Cookie both = send(post("/list/keep").param("ids", third + "," + ID), own, "/list?added=1");
		assertThat(YourList.parse(both.getValue())).containsExactly(ID, second, third);
		assertThat(page("/list?added=1", both)).contains("1 service added to your list");
		assertThat(page("/list?added=3", both)).contains("3 services added to your list");
		assertThat(page("/list?added=0", both)).contains("These services were already in your list");
		// A full list takes what fits, and says the rest did not.
		java.util.List<String> fifty = java.util.stream.IntStream.range(0, YourList.MOST)
			.mapToObj(n -> String.format("3a1f6c52-0000-4000-8000-%012d", 100 + n))
			.toList();
		send(post("/list/keep").param("ids", String.join(",", fifty)), both, "/list?added=47&full=yes");
		assertThat(page("/list?added=47&full=yes", both))
			.contains("47 services added to your list. A list holds at most 50");
	}

	@Test
	void aListWithAnAbuseServiceOffersExitThisPage() throws Exception {
		assertThat(page("/list", add(null, ID))).doesNotContain("govuk-exit-this-page");
		load("council", """
				{"id": "3a1f6c52-0000-4000-8000-00000000000a", "name": "Domestic abuse refuge", "status": "active"}""");
		String refuge = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-00000000000a");
		assertThat(page("/list", add(null, refuge))).contains("govuk-exit-this-page", "Exit this page");
		assertThat(page("/list?ids=" + refuge, null)).contains("Exit this page");
	}

	@Test
	void thePrintViewSaysWhenAndWhereItCameFrom() throws Exception {
		String print = page("/list/print", add(null, ID));
		assertThat(print).containsPattern("Printed on \\d{1,2} [A-Z][a-z]+ \\d{4} from http://localhost/<");
		assertThat(this.mvc.perform(get("https://signpost.example.org:443/list/print").cookie(add(null, ID)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("from https://signpost.example.org/<");
	}

}
