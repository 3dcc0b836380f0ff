package uk.signpost.search;

import java.util.Arrays;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

import uk.signpost.content.ContentFiles;

/**
 * {@link SearchAnalysis} for the OpenSearch backend: the same steps, by OpenSearch's
 * names, with the word lists written into the index's settings (the node has no copy of
 * content/), so a council's own lists reach it too. The synonym filter reads its rules
 * through the steps before it, as the Lucene one reads them split on spaces and lower
 * cased; the list is written as a query splits it (SynonymListTest), so both read the
 * same rules. lenient: a rule word that the filler filter removes ("help claim") is left
 * out, where Lucene keeps a rule no query can reach.
 */
class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

	private final String[] synonyms;

	private final String[] filler;

	private final String[] protectedWords;

	OpenSearchAnalysis(ContentFiles content) {
		this.synonyms = lines(content.read(SearchAnalysis.SYNONYMS));
		this.filler = lines(content.read(SearchAnalysis.FILLER));
		this.protectedWords = lines(content.read(SearchAnalysis.PROTECTED));
	}

	/** What the lists say, for the index's format: a change to one means a rebuild. */
	String fingerprint() {
		return Integer
			.toHexString(Arrays.deepHashCode(new Object[] { this.synonyms, this.filler, this.protectedWords }));
	}

	@Override
	public void configure(ElasticsearchAnalysisConfigurationContext context) {
		context.tokenFilter("signpost_possessive").type("stemmer").param("language", "possessive_english");
		context.tokenFilter("signpost_filler").type("stop").param("stopwords", this.filler).param("ignore_case", true);
		context.tokenFilter("signpost_synonyms")
			.type("synonym_graph")
			.param("synonyms", this.synonyms)
			.param("expand", true)
			.param("lenient", true);
		context.tokenFilter("signpost_protected").type("keyword_marker").param("keywords", this.protectedWords);
		context.analyzer(SearchAnalysis.TEXT)
			.custom()
			.tokenizer("standard")
			.tokenFilters("signpost_possessive", "lowercase", "asciifolding", "signpost_protected", "porter_stem");
		context.analyzer(SearchAnalysis.QUERY)
			.custom()
			.tokenizer("standard")
			.tokenFilters("signpost_possessive", "lowercase", "asciifolding", "signpost_filler", "signpost_synonyms",
					"signpost_protected", "porter_stem");
		context.normalizer("keyword").custom().tokenFilters("lowercase");
	}

	/** A word list's lines, without comments and blank lines, as Lucene reads them. */
	private static String[] lines(String list) {
		if (list == null) {
			return new String[0];
		}
		return list.lines()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toArray(String[]::new);
	}

}
