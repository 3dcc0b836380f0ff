package uk.signpost.content;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a page shows comes from content/messages.properties, which is what a second
 * interface language translates: a template with words of its own fails here, as does a
 * key a template or the code asks for that is not there, and a key missing from another
 * language's file.
 */
class MessagesTest {

	private static final Path TEMPLATES = Path.of("templates");

	private static final Path CONTENT = Path.of("content");

	/** Attributes people read or hear. */
	private static final Set<String> READ = Set.of("title", "alt", "aria-label", "placeholder", "content");

	/** Attributes whose element's words come from somewhere else. */
	private static final Set<String> REPLACED = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** Attributes that hold addresses, classes and names, not words. */
	private static final Set<String> CODE = Set.of("th:class", "th:classappend", "th:id", "th:href", "th:src",
			"th:action", "th:fragment", "th:each", "th:if", "th:unless", "th:for", "th:name", "th:field");

	/** A quoted literal in an expression. */
	private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

	/** Words people read: a capital and a small letter, or two words. */
	private static final Pattern WORDS = Pattern.compile("\\p{Lu}\\p{Ll}|\\p{L}+ +\\p{L}+");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

	private static final Pattern CODE_KEY = Pattern.compile("getMessage\\(\\s*\"([a-z][a-zA-Z0-9_.]*[a-zA-Z0-9])\"");

	@Test
	void noTemplateHasWordsOfItsOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			Document page = Jsoup.parse(template.toFile(), StandardCharsets.UTF_8.name());
			words(page, TEMPLATES.relativize(template).toString(), found);
		}
		assertThat(found).as("words in templates, not from messages.properties").isEmpty();
	}

	private static void words(Element element, String where, List<String> found) {
		for (Attribute attribute : element.attributes()) {
			if (attribute.getKey().startsWith("th:") && !CODE.contains(attribute.getKey())) {
				Matcher literal = LITERAL.matcher(attribute.getValue());
				while (literal.find()) {
					if (WORDS.matcher(literal.group(1)).find()) {
						found.add(where + ": " + attribute.getKey() + " '" + literal.group(1) + "'");
					}
				}
			}
		}
		// A page's root names the parts the layout takes (~{::section}): those are read.
		if (REPLACED.stream().anyMatch(element::hasAttr) && !element.tagName().equals("html")) {
			return;
		}
		for (Attribute attribute : element.attributes()) {
			if (READ.contains(attribute.getKey()) && LETTER.matcher(attribute.getValue()).find()
					&& !element.tagName().equals("meta")) {
				found.add(where + ": <" + element.tagName() + " " + attribute.getKey() + "=\"" + attribute.getValue()
						+ "\">");
			}
		}
		for (Node child : element.childNodes()) {
			if (child instanceof TextNode text && LETTER.matcher(text.text()).find()
					&& !element.tagName().matches("script|style|svg|path")) {
				found.add(where + ": <" + element.tagName() + "> " + text.text().strip());
			}
			else if (child instanceof Element inner) {
				words(inner, where, found);
			}
		}
	}

	@Test
	void everyKeyTheTemplatesAndTheCodeAskForIsThere() throws IOException {
		Properties messages = messages("messages.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			keys(Files.readString(template), TEMPLATE_KEY, messages, template.toString(), missing);
		}
		try (Stream<Path> code = Files.walk(Path.of("src/main/java"))) {
			for (Path file : code.filter(f -> f.toString().endsWith(".java")).toList()) {
				keys(Files.readString(file), CODE_KEY, messages, file.toString(), missing);
			}
		}
		assertThat(missing).as("keys asked for that messages.properties lacks").isEmpty();
	}

	private static void keys(String text, Pattern pattern, Properties messages, String where, Set<String> missing) {
		Matcher key = pattern.matcher(text);
		while (key.find()) {
			if (!messages.containsKey(key.group(1))) {
				missing.add(where + ": " + key.group(1));
			}
		}
	}

	@Test
	void everyOtherLanguageHasEveryKey() throws IOException {
		Set<String> keys = messages("messages.properties").stringPropertyNames();
		try (Stream<Path> files = Files.list(CONTENT)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("messages_.+\\.properties"))
				.toList()) {
				Set<String> missing = new TreeSet<>(keys);
				missing.removeAll(messages(file.getFileName().toString()).stringPropertyNames());
				assertThat(missing).as("keys missing from " + file).isEmpty();
			}
		}
	}

	private static Properties messages(String name) throws IOException {
		Properties messages = new Properties();
		try (Reader reader = Files.newBufferedReader(CONTENT.resolve(name), StandardCharsets.UTF_8)) {
			messages.load(reader);
		}
		return messages;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

}
