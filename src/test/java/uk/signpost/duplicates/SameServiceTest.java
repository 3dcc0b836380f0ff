package uk.signpost.duplicates;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.SameService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One listing per service across publishers (issue 17, ADR 0016): three publishers list
 * one food bank, each its own way; once a curator confirms the pairs, residents meet it
 * once, in search and on one page led by the most recently checked copy, while the API
 * keeps each record and names the others. Rejecting a pair splits the group again.
 */
class SameServiceTest extends WebTest {

	static final String COUNCIL = """
			[{"id": "fb", "name": "Preston Foodbank", "status": "active", "assured_date": "2026-10-01",
			  "description": "Emergency food parcels for people in crisis",
			  "phones": [{"id": "p", "number": "+44 1632 960001"}],
			  "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "MO", "opens_at": "10:00", "closes_at": "12:00"}]},
			 {"id": "debt", "name": "Debt Advice Preston", "status": "active", "description": "Help with food bills and debt, with Trussell"}]""";

	static final String NHS = """
			[{"id": "food-bank", "name": "Preston Food Bank", "status": "active", "assured_date": "2026-11-20",
			  "description": "Food parcels", "email": "food@nhs.example.org",
			  "phones": [{"id": "p1", "number": "01632 960001"}, {"id": "p2", "number": "01632 960099"}]}]""";

	static final String CHARITY = """
			[{"id": "preston", "name": "Foodbank Preston (Trussell)", "status": "active", "assured_date": "2026-06-01",
			  "description": "Food parcels with vouchers from a referral partner", "url": "https://trussell.example.org/preston",
			  "email": "food@nhs.example.org",
			  "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "SA", "opens_at": "10:00", "closes_at": "13:00",
			    "description": "<b>Bring ID</b>"}]}]""";

	static final String COUNCIL_FB = RecordId.of("council", "service", "fb");

	static final String NHS_FB = RecordId.of("nhs", "service", "food-bank");

	static final String CHARITY_FB = RecordId.of("charity", "service", "preston");

	static final String DEBT = RecordId.of("council", "service", "debt");

	@Autowired
	DuplicatePairs pairs;

	@Autowired
	SameService sameService;

	@BeforeEach
	void directory() throws Exception {
		clear();
		this.jdbc.update("DELETE FROM duplicate_pair");
		load("council", COUNCIL);
		load("nhs", NHS);
		load("charity", CHARITY);
		this.jdbc.update("UPDATE publisher SET name = ? WHERE id = ?", "Lancashire County Council", "council");
		this.jdbc.update("UPDATE publisher SET name = ? WHERE id = ?", "NHS Lancashire", "nhs");
		this.jdbc.update("UPDATE publisher SET name = ? WHERE id = ?", "Trussell <Preston>", "charity");
		// Pairs by hand, whatever detection (after each import, on its own thread) makes
		// of
		// three records; stored as rejected, which detection never touches, until
		// decided.
		pair(COUNCIL_FB, NHS_FB);
		pair(NHS_FB, CHARITY_FB);
	}

	@AfterEach
	void noPairsLeftForOtherTests() {
		this.jdbc.update("DELETE FROM duplicate_pair");
		this.jdbc.update("DELETE FROM service_check WHERE service_id = ?", COUNCIL_FB);
	}

	private void pair(String a, String b) {
		String first = a.compareTo(b) < 0 ? a : b;
		String second = first.equals(a) ? b : a;
		if (this.jdbc.update("UPDATE duplicate_pair SET state = 'rejected' WHERE service_a = ? AND service_b = ?",
				first, second) == 0) {
			this.jdbc.update(
					"INSERT INTO duplicate_pair (service_a, service_b, score, reasons, state, found_at) VALUES (?, ?, 0.9, 'name=0.90', 'rejected', ?)",
					first, second, OffsetDateTime.now(ZoneOffset.UTC));
		}
	}

	/**
	 * As a curator's button does, then the index catching up as it does every few
	 * seconds.
	 */
	private void decide(String a, String b, DuplicatePairs.State state) {
		String first = a.compareTo(b) < 0 ? a : b;
		assertThat(this.pairs.decide(first, first.equals(a) ? b : a, state, "curator@example.org", Instant.now()))
			.isTrue();
		this.index.catchUp();
	}

	private void confirmAll() {
		decide(COUNCIL_FB, NHS_FB, DuplicatePairs.State.CONFIRMED);
		decide(NHS_FB, CHARITY_FB, DuplicatePairs.State.CONFIRMED);
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(api(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void confirmedPairsMakeGroupsThroughOthersLedByTheMostRecentlyChecked() {
		Map<String, Set<String>> components = ConfirmedGroups.components(List.of(new String[] { "a", "b" },
				new String[] { "c", "d" }, new String[] { "b", "c" }, new String[] { "x", "y" }));
		assertThat(components.get("a")).containsExactly("a", "b", "c", "d").isSameAs(components.get("d"));
		assertThat(components.get("x")).containsExactly("x", "y");
		assertThat(components).doesNotContainKey("z");

		Map<String, LocalDate> checked = new HashMap<>();
		checked.put("a", LocalDate.of(2026, 3, 1));
		checked.put("b", LocalDate.of(2026, 11, 1));
		checked.put("c", LocalDate.of(2026, 11, 1));
		checked.put("d", null);
		// Newest first; the same day, the smaller id; never checked, last.
		assertThat(ConfirmedGroups.group(components.get("a"), checked))
			.isEqualTo(new SameService.Group("b", List.of("b", "c", "a", "d")));
		// Only findable copies (the keys of checked) are in a group, and one is no group.
		checked.remove("b");
		assertThat(ConfirmedGroups.group(components.get("a"), checked).members()).containsExactly("c", "a", "d");
		assertThat(ConfirmedGroups.group(components.get("x"), Map.of("x", LocalDate.of(2026, 1, 1)))).isNull();
	}

	@Test
	void theLeadIsTheMostRecentlyCheckedCopyAndARecordedCheckCounts() {
		confirmAll();
		SameService.Group group = this.sameService.groups(List.of(CHARITY_FB)).get(CHARITY_FB);
		assertThat(group.members()).containsExactly(NHS_FB, COUNCIL_FB, CHARITY_FB);
		assertThat(this.sameService.groups(List.of(DEBT))).isEmpty();
		// Staff check the council's copy today: it is now the most recently checked.
		this.jdbc.update(
				"INSERT INTO service_check (service_id, account_id, name, organisation, checked_at) VALUES (?, 0, ?, ?, ?)",
				COUNCIL_FB, "Sam Patel", "Lancashire County Council", OffsetDateTime.now(ZoneOffset.UTC));
		assertThat(this.sameService.groups(List.of(CHARITY_FB)).get(CHARITY_FB).lead()).isEqualTo(COUNCIL_FB);
		// A withdrawn copy leaves the group, but still joins the others.
		this.jdbc.update("UPDATE service SET withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", NHS_FB);
		assertThat(this.sameService.groups(List.of(CHARITY_FB)).get(CHARITY_FB).members()).containsExactly(COUNCIL_FB,
				CHARITY_FB);
	}

	@Test
	void searchShowsAConfirmedGroupOnceByItsLeadWithCountsToMatch() throws Exception {
		assertThat(page("/search?q=food%20parcels")).contains("3 services for food parcels")
			.contains("/services/" + COUNCIL_FB)
			.contains("/services/" + NHS_FB)
			.contains("/services/" + CHARITY_FB);
		confirmAll();
		assertThat(page("/search?q=food%20parcels")).contains("1 service for food parcels")
			.contains("/services/" + NHS_FB)
			.doesNotContain("/services/" + COUNCIL_FB)
			.doesNotContain("/services/" + CHARITY_FB);
		// Found by any copy's words: only the charity's copy says "vouchers".
		assertThat(page("/search?q=vouchers")).contains("1 service for vouchers")
			.contains("/services/" + NHS_FB)
			.doesNotContain("/services/" + CHARITY_FB);
		// Everything: the group once, beside the debt service.
		assertThat(page("/search")).contains("2 services")
			.contains("/services/" + NHS_FB)
			.contains("/services/" + DEBT)
			.doesNotContain("/services/" + COUNCIL_FB);
		// The API keeps every publisher's record.
		assertThat(fetchJson("/api/services?search=food+parcels").path("total_items").asInt()).isEqualTo(3);
	}

	@Test
	void aGroupRanksWhereItsBestCopyWould() throws Exception {
		// Only the charity's copy has Trussell in its name; the debt service has it only
		// in its description, so ranks below it.
		String before = page("/search?q=trussell");
		assertThat(before.indexOf("/services/" + CHARITY_FB)).isPositive()
			.isLessThan(before.indexOf("/services/" + DEBT));
		confirmAll();
		String after = page("/search?q=trussell");
		assertThat(after).contains("2 services for trussell").doesNotContain("/services/" + CHARITY_FB);
		assertThat(after.indexOf("/services/" + NHS_FB)).isPositive().isLessThan(after.indexOf("/services/" + DEBT));
	}

	@Test
	void rejectingAPairSplitsTheGroupAgain() throws Exception {
		confirmAll();
		assertThat(page("/search?q=food%20parcels")).contains("1 service for food parcels");
		decide(NHS_FB, CHARITY_FB, DuplicatePairs.State.REJECTED);
		assertThat(page("/search?q=food%20parcels")).contains("2 services for food parcels")
			.contains("/services/" + NHS_FB)
			.contains("/services/" + CHARITY_FB)
			.doesNotContain("/services/" + COUNCIL_FB);
		this.mvc.perform(api("/services/" + CHARITY_FB)).andExpect(status().isOk());
		decide(COUNCIL_FB, NHS_FB, DuplicatePairs.State.REJECTED);
		assertThat(page("/search?q=food%20parcels")).contains("3 services for food parcels");
		assertThat(fetchJson("/api/services/" + NHS_FB).has("signpost_same_service_as")).isFalse();
	}

	@Test
	void theLeadsPageSaysWhoElseListsItAndWhatTheyAdd() throws Exception {
		confirmAll();
		String html = page("/services/" + NHS_FB);
		assertThat(html).contains("Also listed by Lancashire County Council and Trussell &lt;Preston&gt;.")
			.contains("From other publishers")
			.contains("From Lancashire County Council")
			.contains("Monday, 10am to midday")
			.contains("From Trussell &lt;Preston&gt;")
			.contains("Saturday, 10am to 1pm")
			.contains("&lt;b&gt;Bring ID&lt;/b&gt;")
			.doesNotContain("<b>Bring ID")
			.contains("href=\"https://trussell.example.org/preston\"")
			// The lead's own second phone is in its own details; the council's number is
			// the
			// lead's written another way, and the charity's email the lead's: not again.
			.contains("href=\"tel:01632960099\"")
			.doesNotContain("tel:+441632960001")
			.contains("/services/" + NHS_FB + "/report");
		assertThat(html.split("mailto:food@nhs.example.org", -1)).hasSize(2);
		// A copy that stands alone says nothing of the kind.
		assertThat(page("/services/" + DEBT)).doesNotContain("Also listed by").doesNotContain("From other publishers");
	}

	@Test
	void anotherCopysAddressGoesToTheLeadsPageAndItsReportLinkStillWorks() throws Exception {
		confirmAll();
		this.mvc.perform(api("/services/" + COUNCIL_FB + "?from=/search?q=food"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/services/" + NHS_FB + "?from=/search?q%3Dfood"));
		this.mvc.perform(api("/services/" + CHARITY_FB + "?from=https://evil.example.org"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", "/services/" + NHS_FB));
		this.mvc.perform(api("/services/" + CHARITY_FB + "/report")).andExpect(status().isOk());
	}

	@Test
	void theApiKeepsEachRecordAndNamesTheOthers() throws Exception {
		confirmAll();
		JsonNode lead = fetchJson("/api/services/" + NHS_FB);
		assertThat(lead.path("name").asString()).isEqualTo("Preston Food Bank");
		assertThat(strings(lead.path("signpost_same_service_as"))).containsExactly(COUNCIL_FB, CHARITY_FB);
		assertThat(strings(fetchJson("/api/services/" + CHARITY_FB).path("signpost_same_service_as")))
			.containsExactly(NHS_FB, COUNCIL_FB);
		assertThat(fetchJson("/api/services/" + DEBT).has("signpost_same_service_as")).isFalse();
		JsonNode list = fetchJson("/api/services?per_page=10");
		assertThat(list.path("total_items").asInt()).isEqualTo(4);
		int named = 0;
		for (JsonNode service : list.path("contents")) {
			named += service.has("signpost_same_service_as") ? 1 : 0;
		}
		assertThat(named).isEqualTo(3);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new java.util.ArrayList<>();
		array.forEach(item -> strings.add(item.asString()));
		return strings;
	}

}
