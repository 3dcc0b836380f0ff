package uk.signpost.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * How text is split and stemmed. The index analyser stems British English; the query
 * analyser does the same after expanding residents' words with the synonym list, so a
 * synonym is applied at query time and changing the list needs no re-index.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	static final String TEXT = "text";

	static final String QUERY = "query";

	static final String SYNONYMS = "search/synonyms.txt";

	/**
	 * Words residents wrap a need in ("I need help with my ..."): they match nearly every
	 * record, so they are dropped from queries, never from the index.
	 */
	static final String FILLER = "search/filler-words.txt";

	/** Words the stemmer mangles into something else; kept as typed. */
	static final String PROTECTED = "search/protected-words.txt";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(TEXT)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class)
			.tokenFilter(KeywordMarkerFilterFactory.class)
			.param("protected", PROTECTED)
			.tokenFilter(PorterStemFilterFactory.class);
		context.analyzer(QUERY)
			.custom()
			.tokenizer(StandardTokenizerFactory.class)
			.tokenFilter(EnglishPossessiveFilterFactory.class)
			.tokenFilter(LowerCaseFilterFactory.class)
			.tokenFilter(ASCIIFoldingFilterFactory.class)
			.tokenFilter(StopFilterFactory.class)
			.param("words", FILLER)
			.param("ignoreCase", "true")
			.tokenFilter(SynonymGraphFilterFactory.class)
			.param("synonyms", SYNONYMS)
			.param("ignoreCase", "true")
			.param("expand", "true")
			.tokenFilter(KeywordMarkerFilterFactory.class)
			.param("protected", PROTECTED)
			.tokenFilter(PorterStemFilterFactory.class);
		context.normalizer("keyword").custom().tokenFilter(LowerCaseFilterFactory.class);
	}

}
