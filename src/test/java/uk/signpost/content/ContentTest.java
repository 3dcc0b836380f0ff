package uk.signpost.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.signpost.WebTest;
import uk.signpost.search.SearchAnalysisAccess;
import uk.signpost.settings.SignpostProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What content designers edit in content/ parses, links somewhere, reaches the page, and
 * can be replaced from a council's own folder without rebuilding.
 */
class ContentTest extends WebTest {

	private static final Path CONTENT = Path.of("content");

	@TempDir
	Path council;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void everyPageParsesAndEveryLinkGoesSomewhere() throws Exception {
		List<Path> pages;
		try (Stream<Path> files = Files.list(CONTENT.resolve("pages"))) {
			pages = files.filter(path -> path.toString().endsWith(".md")).toList();
		}
		assertThat(pages).isNotEmpty();
		for (Path file : pages) {
			String name = file.getFileName().toString().replace(".md", "");
			ContentPages.Page page = ContentPages.parse(name, Files.readString(file));
			assertThat(page.title()).isNotBlank();
			for (String link : page.links()) {
				if (link.startsWith("/")) {
					this.mvc.perform(get(link)).andExpect(status().isOk());
				}
				else {
					assertThat(link).as("a link in " + file).matches("(https?://|mailto:|tel:|#).+");
				}
			}
		}
	}

	@Test
	void theNeedsToBrowseAndTheWordListsParse() throws IOException {
		List<NeedsToBrowse.Need> needs = NeedsToBrowse.parse(Files.readString(CONTENT.resolve("needs.yml")));
		assertThat(needs).hasSizeGreaterThan(5).allSatisfy(need -> {
			assertThat(need.label()).isNotBlank();
			assertThat(need.description()).isNotBlank();
		});
		assertThat(needs).extracting(NeedsToBrowse.Need::category).doesNotHaveDuplicates();
		assertThatThrownBy(() -> NeedsToBrowse.parse("- label: Food\n"))
			.hasMessage("needs.yml: need 1 has no category");
		for (String list : List.of("search/filler-words.txt", "search/protected-words.txt")) {
			for (String line : Files.readAllLines(CONTENT.resolve(list))) {
				if (!line.isBlank() && !line.startsWith("#")) {
					assertThat(line).as("an entry of " + list + " is one lower-case word").matches("[a-z']+");
				}
			}
		}
	}

	@Test
	void everyMessageATemplateUsesIsInTheBundle() throws IOException {
		java.util.Properties messages = new java.util.Properties();
		try (var in = Files.newBufferedReader(CONTENT.resolve("messages.properties"))) {
			messages.load(in);
		}
		java.util.regex.Pattern key = java.util.regex.Pattern.compile("#\\{([a-z.]+)[(}]");
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("templates"))) {
			templates = files.filter(path -> path.toString().endsWith(".html")).toList();
		}
		List<String> used = new ArrayList<>();
		for (Path template : templates) {
			var keys = key.matcher(Files.readString(template));
			while (keys.find()) {
				used.add(keys.group(1));
				assertThat(messages).as(template + " uses #{" + keys.group(1) + "}").containsKey(keys.group(1));
			}
		}
		assertThat(used).contains("frame.nav.list", "site.name");
	}

	@Test
	void countsSayOneServiceAndTwoServices() throws Exception {
		java.util.Locale uk = java.util.Locale.UK;
		assertThat(this.messages.getMessage("count.services", new Object[] { 1L }, uk)).isEqualTo("service");
		assertThat(this.messages.getMessage("count.services", new Object[] { 2400L }, uk)).isEqualTo("services");
		assertThat(this.messages.getMessage("count.organisations", new Object[] { 0L }, uk)).isEqualTo("organisations");
		assertThat(this.messages.getMessage("search.relaxation", new Object[] { "Search within 10 miles", 1L }, uk))
			.isEqualTo("Search within 10 miles (1 service)");
		assertThat(this.messages.getMessage("search.relaxation", new Object[] { "Any day", 1234L }, uk))
			.isEqualTo("Any day (1,234 services)");
		clear();
		load("council", "{\"id\": \"one\", \"name\": \"One service\", \"status\": \"active\"}");
		String start = this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(start.replaceAll("\\s+", " ")).contains("<strong>1</strong> service from");
	}

	@Test
	void aPageIsShownInGovukTypographyWithItsHtmlEscaped() {
		ContentPages.Page page = ContentPages.parse("test", """
				---
				title: Help
				last-reviewed: 2026-12-01
				---
				Some text with <script>alert(1)</script> and [a link](javascript:alert(1)).

				## More

				- one
				""");
		assertThat(page.html())
			.contains("<p class=\"govuk-body\">", "&lt;script&gt;", "<h2 class=\"govuk-heading-m\">More</h2>",
					"<ul class=\"govuk-list govuk-list--bullet\">")
			.doesNotContain("<script>", "javascript:");
	}

	@Test
	void aBrokenPageSaysWhatIsWrongAndWhere() {
		assertThatThrownBy(() -> ContentPages.parse("help", "No front matter"))
			.hasMessage("pages/help.md: starts with no front matter (a line of ---)");
		assertThatThrownBy(() -> ContentPages.parse("help", "---\ntitle: Help\n---\nText"))
			.hasMessageContaining("pages/help.md: its front matter needs last-reviewed");
		assertThatThrownBy(() -> ContentPages.parse("help", "---\nlast-reviewed: 2026-12-01\n---\nText"))
			.hasMessage("pages/help.md: its front matter has no title");
	}

	@Test
	void theStatementsAreServedFromTheirMarkdown() throws Exception {
		String html = this.mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("<title>Privacy – Signpost</title>", "<h1 class=\"govuk-heading-l\">Privacy</h1>",
				"no cookie banner", "Last reviewed <time datetime=\"2026-12-07\">7 December 2026</time>");
	}

	/**
	 * The accessibility statement has the sections of GOV.UK's model statement, and sends
	 * problems to the address the footer's "Report a problem with this site" uses.
	 */
	@Test
	void theAccessibilityStatementFollowsTheModelStatement() throws Exception {
		String html = page("/accessibility");
		assertThat(html).contains("<h1 class=\"govuk-heading-l\">Accessibility statement for Signpost</h1>");
		for (String heading : List.of("How accessible this website is", "Feedback and contact information",
				"Reporting accessibility problems with this website", "Enforcement procedure",
				"Technical information about this website's accessibility", "Non-accessible content",
				"What we're doing to improve accessibility", "Preparation of this accessibility statement")) {
			assertThat(html).contains("<h2 class=\"govuk-heading-m\">" + heading + "</h2>");
		}
		assertThat(html).contains("<h3 class=\"govuk-heading-s\">Compliance status</h3>",
				"<h3 class=\"govuk-heading-s\">Non-compliance with the accessibility regulations</h3>",
				"partially compliant with the", "Web Content Accessibility Guidelines version 2.2</a> AA standard",
				"Equality and Human Rights Commission (EHRC)",
				"href=\"https://www.equalityadvisoryservice.com/\" class=\"govuk-link\">contact the Equality Advisory and Support Service (EASS)</a>",
				"3.1.2 (Language of Parts)", "This statement was prepared on 2 December 2026.", "axe-core",
				"Last reviewed <time datetime=\"2026-12-02\">2 December 2026</time>");
		String footer = this.messages.getMessage("frame.footer.report.address", null, java.util.Locale.UK);
		String address = footer.substring(0, footer.indexOf('?'));
		assertThat(address).isEqualTo("mailto:feedback@signpost.example.org");
		assertThat(html).contains("href=\"" + address + "\"");
	}

	@Test
	void thePrivacyNoticeSaysWhoKeepsWhatForHowLongAndPeoplesRights() throws Exception {
		String html = page("/privacy");
		for (String heading : List.of("Who we are", "What we keep", "Cookies", "Our lawful basis",
				"Who we share it with", "How long we keep it", "Your rights", "Complaints")) {
			assertThat(html).contains("<h2 class=\"govuk-heading-m\">" + heading + "</h2>");
		}
		assertThat(html).contains("[Council name]", "public task", "no analytics or advertising cookies",
				"your email address, only if you choose to give one", "(access)", "(rectification)", "(erasure)",
				"(objection)", "Information Commissioner's Office (ICO)",
				"href=\"https://ico.org.uk/make-a-complaint/\" class=\"govuk-link\">ico.org.uk</a>");
	}

	/**
	 * The cookies the notice describes are the ones Signpost sets, with the lifetimes it
	 * gives; a report keeps only the fields the notice lists, and a report limit only a
	 * hash. A change to any of them fails here until the notice says so.
	 */
	@Test
	void thePrivacyNoticeMatchesWhatSignpostKeeps() throws Exception {
		String html = page("/privacy");
		// The form cookie's lifetime is checked through a real port
		// (WebSecurityTest.theCookiesLastAsThePrivacyNoticeSays): here,
		// spring-security-test's
		// csrf() in an earlier class may have put a session repository in its place.
		jakarta.servlet.http.Cookie list = this.mvc
			.perform(post("/list/add").param("id", "3f2b8c1e-0d4a-4e6b-9c7d-1a2b3c4d5e6f"))
			.andReturn()
			.getResponse()
			.getCookie("signpost-list");
		assertThat(list.getMaxAge()).as("deleted when the browser closes").isNegative();
		assertThat(list.getValue()).isEqualTo("3f2b8c1e-0d4a-4e6b-9c7d-1a2b3c4d5e6f");
		jakarta.servlet.http.Cookie kept = this.mvc.perform(post("/list/device").param("keep", "yes").cookie(list))
			.andReturn()
			.getResponse()
			.getCookie("signpost-list");
		assertThat(kept.getMaxAge()).isEqualTo(90 * 24 * 60 * 60);
		assertThat(kept.getValue()).isEqualTo("keep.3f2b8c1e-0d4a-4e6b-9c7d-1a2b3c4d5e6f");
		assertThat(html).contains("signpost-list keeps Your list", "(at most 50)",
				"whether you chose to keep the list on this device",
				"It is deleted when you close your browser, unless you choose &quot;Keep this list on this device for 90 days&quot; on Your list: then it lasts 90 days from the last time you changed your list",
				"signpost-csrf holds a random code", "deleted when you close your browser");
		assertThat(this.messages.getMessage("list.device.label", new Object[] { 90L }, java.util.Locale.UK))
			.isEqualTo("Keep this list on this device for 90 days");
		// The queue's own columns (who has it, why no change was needed, when it closed)
		// are not about the resident; email is erased when a report is closed
		// (ReportsQueueTest).
		assertThat(columns("feedback")).containsExactlyInAnyOrder("id", "service_id", "publisher_id", "problem",
				"correction", "email", "status", "created_at", "assigned_to", "reason", "closed_at");
		assertThat(columns("rate_limit")).containsExactlyInAnyOrder("id", "state", "expires_at");
		assertThat(html).contains("(up to 1,200 characters)", "a scrambled form of your internet address (a hash)",
				"We delete your email address as soon as the report is closed",
				"deleted within about two hours of your last report");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private List<String> columns(String table) {
		return this.jdbc.queryForList(
				"SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = ?", String.class,
				table);
	}

	@Test
	void aCouncilReplacesAnyFileFromItsOwnFolder() throws IOException {
		Files.createDirectories(this.council.resolve("pages"));
		Files.writeString(this.council.resolve("pages/privacy.md"),
				"---\ntitle: Privacy at Example Council\nlast-reviewed: 2026-11-30\n---\nOur own notice.\n");
		SignpostProperties properties = new SignpostProperties();
		properties.setContentDir(this.council);
		ContentPages pages = new ContentPages(new ContentFiles(properties));

		assertThat(pages.page("privacy").title()).isEqualTo("Privacy at Example Council");
		// What the council has not replaced is what ships.
		assertThat(pages.page("accessibility").title()).isEqualTo("Accessibility statement for Signpost");
		assertThat(pages.page("none")).isNull();
		// A path may not climb out of the folder.
		assertThat(new ContentFiles(properties).get("../outside.md").getDescription()).contains("class path");
	}

	@Test
	void aCouncilsSynonymsReachTheSearchAnalysis() throws IOException {
		Files.createDirectories(this.council.resolve("search"));
		Files.writeString(this.council.resolve("search/synonyms.txt"), "zebra crossing, pelican crossing\n");
		SearchAnalysisAccess.overrides(this.council);
		try {
			assertThat(terms(SearchAnalysisAccess.synonymsAnalyzer(), "zebra crossing")).contains("pelican");
		}
		finally {
			SearchAnalysisAccess.overrides(null);
		}
		assertThat(terms(SearchAnalysisAccess.synonymsAnalyzer(), "zebra crossing")).doesNotContain("pelican");
	}

	private static List<String> terms(Analyzer analyzer, String text) throws IOException {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		return terms;
	}

}
