package uk.signpost.duplicates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import uk.signpost.WebTest;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.demo.DemoPublishers;
import uk.signpost.staff.Audit;
import uk.signpost.staff.Role;
import uk.signpost.staff.SignIn;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Duplicates across publishers, on the three publishers' generated demo directory
 * imported through the real importer: found above the bars against the generator's truth,
 * only across publishers, decided by curators in the workspace, and decisions kept across
 * re-imports.
 */
class DuplicatesTest extends WebTest {

	static final Path FEEDS = DATA_DIR.resolve("duplicates-feeds");

	static final String PASSWORD = "a long enough password";

	@Autowired
	DuplicatePairs pairs;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Audit audit;

	@BeforeEach
	void directory() throws Exception {
		Long loaded = this.jdbc.queryForObject("SELECT COUNT(*) FROM service WHERE publisher_id = ?", Long.class,
				DemoPublishers.ALL.get(1).id());
		if (loaded == 0 || !Files.exists(FEEDS.resolve(DemoPublishers.TRUTH))) {
			clear();
			DemoPublishers.write(FEEDS, 900, 17L, LocalDate.of(2026, 11, 1));
			assertThat(DemoPublishers.load(this.importer, FEEDS)).isNull();
		}
		this.jdbc.update("DELETE FROM duplicate_pair");
		this.pairs.detect();
		Staffing.reset(this.jdbc);
		this.accounts.add(new StaffAccounts.NewAccount("curator@example.org", "Cal Curator", "Council", Role.CURATOR,
				Set.of(), PASSWORD), Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("pat@nhs.example.org", "Pat Publisher", "NHS Lancashire",
				Role.PUBLISHER, Set.of(DemoPublishers.ALL.get(1).id()), PASSWORD), Instant.now());
	}

	@Test
	void phoneNumbersWrittenEachPublishersWayAreOneNumber() {
		assertThat(List.of("01632 960 001", "+44 1632 960001", "(01632) 960001", "01632960001")
			.stream()
			.map(Listing::e164)
			.distinct()
			.toList()).containsExactly("+441632960001");
		assertThat(Listing.e164("call us")).isNull();
		assertThat(Listing.host("http://www.Preston-Foodbank.example.org/food/"))
			.isEqualTo("preston-foodbank.example.org");
	}

	@Test
	void namesWrittenDifferentlyAreAlike() {
		Listing a = new Listing.Builder("a", "council").name("Preston Foodbank").build();
		Listing b = new Listing.Builder("b", "nhs").name("Preston Food Bank (Trussell)").build();
		Listing c = new Listing.Builder("c", "nhs").name("Debt Advice Preston").build();
		assertThat(Bigrams.best(a.names(), b.names())).isEqualTo(1.0);
		assertThat(Bigrams.best(a.names(), c.names())).isLessThan(Scoring.NAME_FLOOR);
	}

	@Test
	void findsTheGeneratedDuplicatesAboveTheBarsAndOnlyAcrossPublishers() throws Exception {
		List<DuplicatePairs.Pair> found = this.pairs.all();
		Accuracy accuracy = Accuracy.measure(this.jdbc, FEEDS.resolve(DemoPublishers.TRUTH), found);
		assertThat(accuracy.toFind()).isGreaterThan(200);
		assertThat(accuracy.precision()).as("%s", accuracy).isGreaterThanOrEqualTo(0.95);
		assertThat(accuracy.recall()).as("%s", accuracy).isGreaterThanOrEqualTo(0.90);
		for (DuplicatePairs.Pair pair : found) {
			assertThat(pair.serviceA()).isLessThan(pair.serviceB());
			assertThat(publisher(pair.serviceA())).isNotEqualTo(publisher(pair.serviceB()));
			assertThat(pair.score()).isGreaterThanOrEqualTo(Scoring.THRESHOLD);
			assertThat(pair.reasons()).contains("name=");
		}
	}

	@Test
	void curatorsConfirmAndRejectPairsAndDecisionsOutliveReimports() throws Exception {
		MockHttpSession curator = SignIn.as(this.mvc, "curator@example.org", PASSWORD);
		String page = SignIn.page(this.mvc, curator, "/manage/duplicates");
		List<DuplicatePairs.Pair> top = this.pairs.inState(DuplicatePairs.State.CANDIDATE, 0, 2);
		DuplicatePairs.Pair confirmed = top.get(0);
		DuplicatePairs.Pair rejected = top.get(1);
		String name = this.jdbc.queryForObject("SELECT name FROM service WHERE id = ?", String.class,
				confirmed.serviceA());
		assertThat(page).contains("Possible duplicates")
			.contains(org.springframework.web.util.HtmlUtils.htmlEscape(name))
			.contains("names ")
			.contains(" similar")
			.contains("Last checked")
			.contains("/manage/duplicates/" + confirmed.serviceA() + "/" + confirmed.serviceB() + "/confirm")
			.contains("aria-current=\"page\"");
		this.mvc
			.perform(post("/manage/duplicates/" + confirmed.serviceA() + "/" + confirmed.serviceB() + "/confirm")
				.session(curator)
				.param("_csrf", SignIn.token(page)))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/manage/duplicates/" + rejected.serviceA() + "/" + rejected.serviceB() + "/reject")
				.session(curator)
				.param("_csrf", SignIn.token(page)))
			.andExpect(status().is3xxRedirection());
		assertThat(this.audit.newest(0, 10)).extracting(Audit.Entry::action)
			.contains("duplicate-confirmed", "duplicate-rejected");
		assertThat(SignIn.page(this.mvc, curator, "/manage/duplicates?state=rejected"))
			.contains("/manage/duplicates/" + rejected.serviceA() + "/" + rejected.serviceB() + "/confirm")
			.doesNotContain("/manage/duplicates/" + rejected.serviceA() + "/" + rejected.serviceB() + "/reject");

		// The same feeds again: the same Signpost ids, the decisions kept.
		assertThat(DemoPublishers.load(this.importer, FEEDS)).isNull();
		this.pairs.detect();
		assertThat(state(confirmed)).isEqualTo("confirmed");
		assertThat(state(rejected)).isEqualTo("rejected");
		assertThat(this.pairs.inState(DuplicatePairs.State.CANDIDATE, 0, 10_000))
			.noneMatch(p -> p.serviceA().equals(rejected.serviceA()) && p.serviceB().equals(rejected.serviceB()));

		// The confirmed pair is one service (ADR 0016): one page, the other's address
		// goes
		// there.
		this.index.catchUp();
		List<String> redirected = new java.util.ArrayList<>();
		for (String id : List.of(confirmed.serviceA(), confirmed.serviceB())) {
			String location = this.mvc.perform(get("/services/" + id)).andReturn().getResponse().getRedirectedUrl();
			if (location != null) {
				redirected.add(id);
				assertThat(location).isIn("/services/" + confirmed.serviceA(), "/services/" + confirmed.serviceB())
					.isNotEqualTo("/services/" + id);
			}
		}
		assertThat(redirected).hasSize(1);
	}

	@org.junit.jupiter.api.AfterEach
	void noDecisionsLeftForOtherTests() {
		this.jdbc.update("DELETE FROM duplicate_pair");
	}

	@Test
	void publisherAccountsCannotSeeOrDecidePairs() throws Exception {
		MockHttpSession pat = SignIn.as(this.mvc, "pat@nhs.example.org", PASSWORD);
		this.mvc.perform(get("/manage/duplicates").session(pat)).andExpect(status().isNotFound());
		String home = SignIn.page(this.mvc, pat, "/manage");
		assertThat(home).doesNotContain("/manage/duplicates");
		DuplicatePairs.Pair pair = this.pairs.inState(DuplicatePairs.State.CANDIDATE, 0, 1).get(0);
		this.mvc
			.perform(post("/manage/duplicates/" + pair.serviceA() + "/" + pair.serviceB() + "/reject").session(pat)
				.param("_csrf", SignIn.token(home)))
			.andExpect(status().isNotFound());
		assertThat(state(pair)).isEqualTo("candidate");
		this.mvc.perform(get("/manage/duplicates")).andExpect(status().is3xxRedirection());
	}

	@Test
	void threePublishersWriteTheirOwnWay(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
		assertThat(DemoDirectory.loaded(Set.of(DemoPublishers.ALL.get(0).id()))).isTrue();
		var summary = DemoPublishers.write(folder, 300, 3L, LocalDate.of(2026, 11, 1));
		assertThat(summary.total()).isEqualTo(300);
		assertThat(summary.records())
			.containsOnlyKeys(DemoPublishers.ALL.stream().map(p -> p.id()).toArray(String[]::new));
		assertThat(Files.readString(folder.resolve("nhs-lancashire/services-0001.json"))).contains("\"+44 ");
		assertThat(Files.readString(folder.resolve("lancashire-vcs-network/services-0001.json"))).contains("\"(0");
	}

	private String publisher(String serviceId) {
		return this.jdbc.queryForObject("SELECT publisher_id FROM service WHERE id = ?", String.class, serviceId);
	}

	private String state(DuplicatePairs.Pair pair) {
		return this.jdbc.queryForObject("SELECT state FROM duplicate_pair WHERE service_a = ? AND service_b = ?",
				String.class, pair.serviceA(), pair.serviceB());
	}

}
