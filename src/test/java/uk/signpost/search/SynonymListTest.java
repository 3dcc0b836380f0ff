package uk.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synonym list is matched against a query's words after the tokenizer and the
 * possessive filter have run, but its own lines are only split on spaces. An entry they
 * would change ("well-being", "alzheimer's") can never match what a resident types, and
 * as an alternative it never matches an indexed word either, which the same tokenizer
 * split: dead weight in every query it joins. This keeps the list to entries that work.
 */
class SynonymListTest {

	@Test
	void everyEntryIsWordsAQueryCanHave() throws IOException {
		CustomAnalyzer query = CustomAnalyzer
			.builder(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader()))
			.withTokenizer("standard")
			.addTokenFilter("englishPossessive")
			.addTokenFilter("lowercase")
			.addTokenFilter("asciiFolding")
			.build();
		List<String> dead = new ArrayList<>();
		int entries = 0;
		for (String line : lines()) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			// "a, b => c, d": one-way entries are words on both sides.
			for (String entry : line.split(",|=>")) {
				String words = String.join(" ", entry.strip().toLowerCase(Locale.ROOT).split("\\s+"));
				entries++;
				if (!words.equals(analysed(query, words))) {
					dead.add(words + " (a query has: " + analysed(query, words) + ")");
				}
			}
		}
		assertThat(entries).isGreaterThan(150);
		assertThat(dead).as("entries no query can match").isEmpty();
	}

	private static List<String> lines() throws IOException {
		try (InputStream in = SearchAnalysis.class.getClassLoader()
			.getResourceAsStream(uk.signpost.content.ContentFiles.CLASSPATH + SearchAnalysis.SYNONYMS)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	private static String analysed(CustomAnalyzer analyzer, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return String.join(" ", tokens);
	}

}
