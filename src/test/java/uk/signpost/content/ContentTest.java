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
				"no cookie banner", "Last reviewed <time datetime=\"2026-12-01\">1 December 2026</time>");
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
