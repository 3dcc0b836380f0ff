package uk.signpost.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One need stays one need: a synonym never turns it into another, American and British
 * spellings meet, and a correction reads British.
 */
class SpellingsTest {

	private static List<String> expanded(String words) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (Analyzer analyzer = SearchAnalysisAccess.synonymsAnalyzer();
				TokenStream stream = analyzer.tokenStream("text", words)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}

	@Test
	void americanAndBritishSpellingsMeet() throws IOException {
		assertThat(expanded("counseling")).contains("counselling");
		assertThat(expanded("pediatric")).contains("paediatric");
		assertThat(expanded("behavior")).contains("behaviour");
	}

	@Test
	void aCorrectionNeverShowsTheAmericanSpellingBack() {
		Vocabulary vocabulary = new Vocabulary();
		vocabulary.addText("Counselling for adults. Counselling for young people.");
		vocabulary.addSynonyms("counselling, counseling, counsellor, counselor");
		assertThat(vocabulary.correct("counciling")).isEqualTo("counselling");
		assertThat(vocabulary.correct("counseling")).isNull();
	}

}
