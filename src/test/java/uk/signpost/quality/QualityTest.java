package uk.signpost.quality;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import uk.signpost.WebTest;
import uk.signpost.directory.Validity;
import uk.signpost.ingest.ApiProbe;
import uk.signpost.ingest.ImportReport;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Data quality through the real importer, database and pages: each check's rule on a
 * small hand-built feed, the public page (counts, nothing about a person), the
 * workspace's scope, the CSV and its escaping, and the trend over two imports.
 */
class QualityTest extends WebTest {

	static final LocalDate TODAY = LocalDate.now(Validity.UK);

	@Autowired
	QualityReports reports;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	ApiProbe probe;

	/**
	 * "good" passes everything; "bare" has only a name (one a spreadsheet would run);
	 * "broken" has a bad phone, email, web address, postcode, an expired schedule, an old
	 * assurance and a contact email the importer left out; "twice" is listed twice;
	 * "phoneline" is by phone, which is where it is but not a category; "skipped" is
	 * refused by the importer. bareContact adds a phone number to "bare".
	 */
	static String feed(boolean bareContact) {
		return """
				[{"id": "good", "name": "Good club", "status": "active", "email": "help@good.example.org",
				  "url": "https://good.example.org", "minimum_age": 18, "assured_date": "%s",
				  "assurer_email": "jo.bloggs@council.example.org",
				  "phones": [{"id": "g1", "number": "01772 123456"}],
				  "contacts": [{"id": "c1", "name": "Sam Whittle", "phones": [{"id": "g2", "number": "01772 654321"}]}],
				  "service_at_locations": [{"id": "gs", "location": {"id": "gl", "location_type": "physical",
				    "name": "Hall", "latitude": 53.7632, "longitude": -2.7031,
				    "addresses": [{"id": "ga", "address_1": "1 Church Street", "city": "Preston",
				      "postal_code": "PR1 3BQ", "country": "GB", "address_type": "physical"}]}}],
				  "schedules": [{"id": "gsch", "freq": "WEEKLY", "byday": "MO", "opens_at": "10:00:00",
				    "closes_at": "12:00:00", "valid_to": "%s"}],
				  "cost_options": [{"id": "gc", "amount": 0, "amount_description": "Free"}],
				  "attributes": [{"id": "gat", "taxonomy_term": {"id": "food", "name": "Food banks",
				    "description": "Food", "taxonomy": "Needs"}}]},
				 {"id": "bare", "name": "=cmd|' /C calc'!A0", "status": "active"%s},
				 {"id": "broken", "name": "Broken club", "status": "active", "email": "a,b@example.org",
				  "url": "http://intranet/page", "eligibility_description": "Adults", "fees": "Free",
				  "assured_date": "%s", "assurer_email": "jo.bloggs@council.example.org",
				  "phones": [{"id": "b1", "number": "0161 12"}],
				  "contacts": [{"id": "bc", "name": "Sam Whittle", "email": "not an email"}],
				  "service_at_locations": [{"id": "bs", "location": {"id": "bl", "location_type": "physical",
				    "name": "Nowhere", "addresses": [{"id": "ba", "address_1": "1 Lane", "city": "Nowhere",
				      "postal_code": "ZZ9 9ZZ", "country": "GB", "address_type": "physical"}]}}],
				  "schedules": [{"id": "bsch", "freq": "WEEKLY", "byday": "TU", "opens_at": "10:00:00",
				    "closes_at": "12:00:00", "valid_to": "2020-01-31"}]},
				 {"id": "twice", "name": "Twice club", "status": "active", "email": "twice@example.org"},
				 {"id": "twice", "name": "Twice club", "status": "active", "email": "twice@example.org"},
				 {"id": "phoneline", "name": "Phone line", "status": "active",
				  "phones": [{"id": "pl", "number": "0300 123 4567"}],
				  "attributes": [{"id": "pla", "taxonomy_term": {"id": "by-phone", "name": "By phone",
				    "description": "By phone", "taxonomy": "Delivery"}}]},
				 {"id": "skipped", "name": "Skipped club", "status": "active", "minimum_age": "ten"}]""".formatted(
				TODAY.minusMonths(1), TODAY.plusMonths(6),
				bareContact ? ", \"phones\": [{\"id\": \"bp\", \"number\": \"01772 111222\"}]" : "",
				TODAY.minusYears(1));
	}

	@BeforeEach
	void directory() throws Exception {
		clear();
		this.jdbc.update("DELETE FROM quality_report");
		Staffing.reset(this.jdbc);
		Staffing.add(this.accounts, "curator@example.org", "Cal Curator", "Council", Role.CURATOR);
		Staffing.add(this.accounts, "pat@example.org", "Pat Publisher", "Council", Role.PUBLISHER, "council");
		load("council", feed(false));
		load("other", """
				[{"id": "o1", "name": "Other lunch club", "status": "active"}]""");
	}

	private QualityReports.Report report(String publisher) {
		return this.reports.check(publisher).orElseThrow();
	}

	private Set<String> failing(QualityReports.Report report, Check check) {
		return this.reports.failures(report.id(), check, 0, 100)
			.stream()
			.map(QualityReports.Failure::sourceId)
			.collect(Collectors.toSet());
	}

	@Test
	void emailAndWebAddressesTheImportRefusedFailTheirChecks() throws Exception {
		load("refused", """
				[{"id": "r1", "name": "Refused club", "status": "active", "email": "not an email",
				  "url": "javascript:alert(1)", "phones": [{"id": "rp", "number": "01772 123456"}]}]""");
		QualityReports.Report report = report("refused");
		assertThat(failing(report, Check.EMAILS)).containsExactly("r1");
		assertThat(failing(report, Check.WEB)).containsExactly("r1");
		assertThat(this.reports.failures(report.id(), Check.EMAILS, 0, 10).get(0).detail()).contains("email");
	}

	/**
	 * "Readable records" lists every warning the import gave a record (it listed the
	 * first), up to Inspection.WARNINGS and then how many more.
	 */
	@Test
	void readableRecordsListEachRecordsWarningsUpToTen() throws Exception {
		String contacts = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> "{\"id\": \"c" + i + "\", \"name\": \"Desk " + i + "\", \"email\": \"desk " + i + "\"}")
			.collect(Collectors.joining(", "));
		load("warned", """
				[{"id": "w1", "name": "Warned club", "status": "active", "email": "not an email",
				  "url": "javascript:alert(1)"},
				 {"id": "w2", "name": "Many desks", "status": "active", "contacts": [%s]}]""".formatted(contacts));
		Map<String, String> details = this.reports.failures(report("warned").id(), Check.VALID, 0, 10)
			.stream()
			.collect(Collectors.toMap(QualityReports.Failure::sourceId, QualityReports.Failure::detail));
		assertThat(details.get("w1")).contains("email: ", " | ", "url: ");
		assertThat(details.get("w2").split(" \\| ")).hasSize(Inspection.WARNINGS);
		assertThat(details.get("w2")).contains("contacts[0].email", "contacts[9].email")
			.doesNotContain("contacts[10]")
			.endsWith(" (and 2 more)");
	}

	@Test
	void eachCheckFindsTheRecordsThatFailItAndCountsThoseItAppliesTo() {
		QualityReports.Report report = report("council");
		Map<Check, Set<String>> expected = Map.ofEntries(Map.entry(Check.VALID, Set.of("broken", "skipped")),
				Map.entry(Check.UNIQUE, Set.of("twice")), Map.entry(Check.CONTACT, Set.of("bare")),
				Map.entry(Check.PLACE, Set.of("bare", "broken", "twice")),
				Map.entry(Check.HOURS, Set.of("bare", "twice", "phoneline")),
				Map.entry(Check.WHO, Set.of("bare", "twice", "phoneline")),
				Map.entry(Check.COST, Set.of("bare", "twice", "phoneline")),
				Map.entry(Check.CATEGORY, Set.of("bare", "broken", "twice", "phoneline")),
				Map.entry(Check.ASSURED, Set.of("bare", "twice", "phoneline")),
				Map.entry(Check.RECENT, Set.of("bare", "broken", "twice", "phoneline")),
				Map.entry(Check.PHONES, Set.of("broken")), Map.entry(Check.EMAILS, Set.of("broken")),
				Map.entry(Check.WEB, Set.of("broken")), Map.entry(Check.CURRENT, Set.of("broken")));
		expected.forEach((check, ids) -> {
			assertThat(failing(report, check)).as(check.key()).isEqualTo(ids);
			assertThat(report.counts().get(check).failing()).as(check.key()).isEqualTo(ids.size());
		});
		assertThat(report.services()).isEqualTo(5);
		// Applicable: every record, the refused one too for "valid"; only those with
		// something to check for phones, emails, web addresses and dates.
		assertThat(report.counts().get(Check.VALID).applicable()).isEqualTo(6);
		assertThat(report.counts().get(Check.CONTACT).applicable()).isEqualTo(5);
		assertThat(report.counts().get(Check.PHONES).applicable()).isEqualTo(3);
		assertThat(report.counts().get(Check.EMAILS).applicable()).isEqualTo(3);
		assertThat(report.counts().get(Check.CURRENT)).isEqualTo(new QualityReports.Count(2, 1));
		assertThat(report.counts()).doesNotContainKeys(Check.API_ROOT, Check.API_PAGING, Check.API_DETAIL);
		assertThat(this.reports.failures(report.id(), Check.PHONES, 0, 10).get(0).detail()).isEqualTo("0161 12");
		// A file feed's report is made once per import, however often it is asked for.
		assertThat(report("council").id()).isEqualTo(report.id());
	}

	@Test
	void theRulesForPhoneNumbersAndWebAddresses() {
		assertThat(uk.signpost.directory.Phones.validUk("01772 123456")).isTrue();
		assertThat(uk.signpost.directory.Phones.validUk("+44 1772 123456")).isTrue();
		// Ofcom's drama numbers are valid in form, which the demo directory relies on.
		assertThat(uk.signpost.directory.Phones.validUk("01632 960123")).isTrue();
		assertThat(uk.signpost.directory.Phones.validUk("0161 12")).isFalse();
		assertThat(uk.signpost.directory.Phones.validUk("+1 202 555 0100")).isFalse();
		assertThat(uk.signpost.directory.Phones.validUk("call us")).isFalse();
		assertThat(Inspection.webAddress("https://www.example.org/x?y=1")).isTrue();
		assertThat(Inspection.webAddress("http://intranet/page")).isFalse();
		assertThat(Inspection.webAddress("ftp://example.org")).isFalse();
		assertThat(Inspection.webAddress("https://exa mple.org")).isFalse();
	}

	@Test
	void thePublicPageGivesCountsAndNothingAboutAPerson() throws Exception {
		report("council");
		String html = fetch("/publishers/council");
		assertThat(html).contains("council")
			.contains("Data quality score")
			.contains("A way to contact")
			.contains("4 of 5")
			.contains("Services people can find")
			.doesNotContain("jo.bloggs")
			.doesNotContain("Sam Whittle")
			.doesNotContain("01772")
			.doesNotContain("a,b@example.org")
			.doesNotContain("Broken club");
		this.mvc.perform(get("/publishers/nobody")).andExpect(status().isNotFound());
	}

	/**
	 * "Services people can find" is one count on every page (Service.FINDABLE): the
	 * workspace's report counted the inactive records it checked under that name.
	 */
	@Test
	void servicesPeopleCanFindAreCountedAlikeOnThePublicPageAndInTheWorkspace() throws Exception {
		load("mixed", """
				[{"id": "m1", "name": "Open club", "status": "active"},
				 {"id": "m2", "name": "Shut club", "status": "inactive"},
				 {"id": "m3", "name": "Paused club", "status": "temporarily closed"}]""");
		assertThat(report("mixed").services()).isEqualTo(3);
		MockHttpSession curator = Staffing.signIn(this.mvc, "curator@example.org");
		for (String html : List.of(fetch("/publishers/mixed"), page("/manage/quality/mixed", curator))) {
			assertThat(summary(html, "Services people can find")).isEqualTo("2 services");
		}
		assertThat(summary(page("/manage/quality/mixed", curator), "Records checked, including inactive ones"))
			.isEqualTo("3 records");
	}

	/**
	 * The workspace's home lists Data quality, as it does the other parts, for each role.
	 */
	@Test
	void theWorkspaceHomeLeadsToDataQuality() throws Exception {
		for (String email : List.of("pat@example.org", "curator@example.org")) {
			org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(page("/manage", Staffing.signIn(this.mvc, email)));
			assertThat(home.select("h2 > a[href=/manage/quality]").text()).as(email).isEqualTo("Data quality");
			assertThat(home.text()).contains("How complete and correct each publisher’s records are");
		}
	}

	/** The value of a summary list's row, by its key. */
	private static String summary(String html, String key) {
		org.jsoup.nodes.Element row = org.jsoup.Jsoup.parse(html)
			.select(".govuk-summary-list__row")
			.stream()
			.filter(r -> r.select(".govuk-summary-list__key").text().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + key));
		return row.select(".govuk-summary-list__value").text();
	}

	@Test
	void aPublisherAccountSeesOnlyItsOwnPublishersQuality() throws Exception {
		report("council");
		report("other");
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		assertThat(page("/manage/quality", pat)).contains("/manage/quality/council")
			.doesNotContain("/manage/quality/other");
		assertThat(page("/manage/quality/council", pat)).contains("A way to contact").contains("Add a phone number");
		assertThat(page("/manage/quality/council/phones", pat)).contains("Broken club").contains("0161 12");
		for (String path : List.of("/manage/quality/other", "/manage/quality/other/hours",
				"/manage/quality/other/records.csv", "/manage/quality/council/nothing")) {
			this.mvc.perform(get(path).session(pat)).andExpect(status().isNotFound());
		}
		MockHttpSession curator = Staffing.signIn(this.mvc, "curator@example.org");
		assertThat(page("/manage/quality", curator)).contains("/manage/quality/council")
			.contains("/manage/quality/other");
		assertThat(page("/manage/quality/other/hours", curator)).contains("Other lunch club");
		this.mvc.perform(get("/manage/quality")).andExpect(status().is3xxRedirection());
	}

	@Test
	void theCsvListsTheFailingRecordsWithFixesAndDisarmsFormulas() throws Exception {
		report("council");
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		var response = this.mvc.perform(get("/manage/quality/council/records.csv?check=contact").session(pat))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("signpost-quality-council-contact.csv");
		// UTF-8's byte order mark first, so Excel on Windows reads "’" (CsvTest).
		assertThat(java.util.Arrays.copyOf(response.getContentAsByteArray(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).hasSize(2);
		assertThat(csv)
			.startsWith(
					uk.signpost.govuk.Csv.BOM + "Check,Publisher’s id,Service,Signpost id,What is wrong,How to fix\r\n")
			.contains("A way to contact,bare,'=cmd|' /C calc'!A0,")
			.contains("No phone number or email address.,Add a phone number or email address people can use.");
		String all = this.mvc.perform(get("/manage/quality/council/records.csv").session(pat))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(all).contains("Phone numbers,broken,Broken club").contains("\"a,b@example.org\"");
	}

	@Test
	void theTrendShowsEachImportsScore() throws Exception {
		QualityReports.Report first = report("council");
		ImportReport again = load("council", feed(true));
		QualityReports.Report second = report("council");
		assertThat(second.importRunId()).isEqualTo(again.id());
		assertThat(first.counts().get(Check.CONTACT).percent()).isEqualTo(80);
		assertThat(second.counts().get(Check.CONTACT).percent()).isEqualTo(100);
		assertThat(this.reports.recent("council", 10)).extracting(QualityReports.Report::id)
			.containsExactly(second.id(), first.id());
		// Failing records are kept for the latest report only.
		assertThat(this.reports.failures(first.id(), null, 0, 100)).isEmpty();
		MockHttpSession pat = Staffing.signIn(this.mvc, "pat@example.org");
		assertThat(page("/manage/quality/council", pat)).contains("80% → 100%");
	}

	@Test
	void theDemoPublishersReportsDifferAsTheirFeedsDo() throws IOException {
		java.nio.file.Path feeds = DATA_DIR.resolve("quality-demo-" + System.nanoTime());
		uk.signpost.demo.DemoPublishers.write(feeds, 300, 17L, TODAY);
		assertThat(uk.signpost.demo.DemoPublishers.load(this.importer, feeds)).isNull();
		QualityReports.Report council = report(uk.signpost.demo.DemoPublishers.ALL.get(0).id());
		QualityReports.Report network = report("lancashire-vcs-network");
		// The network's generated records leave out hours now and then (and costs, which
		// its fees text still gives).
		assertThat(council.counts().get(Check.HOURS).percent()).isEqualTo(100);
		assertThat(network.counts().get(Check.HOURS).percent()).isBetween(50, 90);
	}

	@Test
	void theApiLevelOneChecksPassAGoodApiAndSayWhatIsWrongWithABadOne() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/good/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			String body = path.equals("/good/") ? """
					{"version": "HSDS-UK-3.0", "profile": "https://example.org/profile",
					 "openapi_url": "https://example.org/openapi.json"}""" : path.equals("/good/services") ? """
					{"total_items": 1, "total_pages": 1, "page_number": 1, "size": 1, "first_page": true,
					 "last_page": true, "empty": false, "contents": [{"id": "s 1", "name": "One"}]}"""
					: path.equals("/good/services/s 1") ? "{\"id\": \"s 1\", \"name\": \"One\"}" : null;
			reply(exchange, body);
		});
		server.createContext("/bad/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			reply(exchange, path.equals("/bad/") ? "{\"version\": \"1.0\"}"
					: path.equals("/bad/services") ? "{\"contents\": [{\"id\": \"s1\"}]}" : null);
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			assertThat(ApiChecks.run(this.probe, base + "/good")).containsOnlyKeys(Check.FEED)
				.allSatisfy((check, wrong) -> assertThat(wrong).as(check.key()).isNull());
			Map<Check, String> bad = ApiChecks.run(this.probe, base + "/bad/");
			assertThat(bad.get(Check.API_ROOT)).contains("version").contains("openapi_url");
			assertThat(bad.get(Check.API_PAGING)).contains("total_items").doesNotContain("contents");
			assertThat(bad.get(Check.API_DETAIL)).contains("404");
		}
		finally {
			server.stop(0);
		}
	}

	private static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
		byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
