package uk.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilterFactory;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

import uk.signpost.content.ContentFiles;

/**
 * How text is split and stemmed. The index analyser stems British English; the query
 * analyser does the same after expanding residents' words with the synonym list, so a
 * synonym is applied at query time and changing the list needs no re-index.
 */
public class SearchAnalysis implements LuceneAnalysisConfigurer {

	static final String TEXT = "text";

	static final String QUERY = "query";

	/** Paths under content/, where a council's own copy replaces the one shipped. */
	static final String SYNONYMS = "search/synonyms.txt";

	/**
	 * Words residents wrap a need in ("I need help with my ..."): they match nearly every
	 * record, so they are dropped from queries, never from the index.
	 */
	static final String FILLER = "search/filler-words.txt";

	/** Words the stemmer mangles into something else; kept as typed. */
	static final String PROTECTED = "search/protected-words.txt";

	/** A council's content folder, or null; see {@link ContentLoader}. */
	private static volatile Path overrides;

	static void overrides(Path folder) {
		overrides = folder;
	}

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(TEXT).instance(textAnalyzer());
		context.analyzer(QUERY).instance(queryAnalyzer());
		context.normalizer("keyword").custom().tokenFilter(LowerCaseFilterFactory.class);
	}

	/** How the index splits and stems a service's words. */
	static Analyzer textAnalyzer() {
		try {
			return common()
				.addTokenFilter(ProtectedWords.class, params("protected", ContentFiles.CLASSPATH + PROTECTED))
				.addTokenFilter(PorterStemFilterFactory.class)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How a resident's words are split, stripped of filler words, expanded with synonyms
	 * and stemmed. On OpenSearch the node runs {@link OpenSearchAnalysis}, which gives
	 * the same words; this copy tells the page what was searched.
	 */
	static Analyzer queryAnalyzer() {
		try {
			return common()
				.addTokenFilter(FillerWords.class,
						params("words", ContentFiles.CLASSPATH + FILLER, "ignoreCase", "true"))
				.addTokenFilter(Synonyms.class,
						params("synonyms", ContentFiles.CLASSPATH + SYNONYMS, "ignoreCase", "true", "expand", "true"))
				.addTokenFilter(ProtectedWords.class, params("protected", ContentFiles.CLASSPATH + PROTECTED))
				.addTokenFilter(PorterStemFilterFactory.class)
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The steps both analysers start with: words, possessives, lower case, folding. */
	private static CustomAnalyzer.Builder common() throws IOException {
		return CustomAnalyzer
			.builder(new ContentLoader(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader())))
			.withTokenizer(StandardTokenizerFactory.class)
			.addTokenFilter(EnglishPossessiveFilterFactory.class)
			.addTokenFilter(LowerCaseFilterFactory.class)
			.addTokenFilter(ASCIIFoldingFilterFactory.class);
	}

	/** Lucene's factories take their parameters as a map they can change. */
	private static Map<String, String> params(String... pairs) {
		Map<String, String> params = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			params.put(pairs[i], pairs[i + 1]);
		}
		return params;
	}

	/**
	 * Reads a word list from the council's content folder when it has its own copy, else
	 * from the jar, for Lucene's factories below.
	 */
	private static final class ContentLoader implements ResourceLoader {

		private final ResourceLoader shipped;

		ContentLoader(ResourceLoader shipped) {
			this.shipped = shipped;
		}

		@Override
		public InputStream openResource(String resource) throws IOException {
			Path folder = overrides;
			if (folder != null && resource.startsWith(ContentFiles.CLASSPATH)) {
				Path own = folder.resolve(resource.substring(ContentFiles.CLASSPATH.length()));
				if (Files.isRegularFile(own)) {
					return Files.newInputStream(own);
				}
			}
			return this.shipped.openResource(resource);
		}

		@Override
		public <T> Class<? extends T> findClass(String name, Class<T> expectedType) {
			return this.shipped.findClass(name, expectedType);
		}

	}

	/** Lucene's synonym filter, reading its list through {@link ContentLoader}. */
	public static final class Synonyms extends SynonymGraphFilterFactory {

		/** Lucene's name for the factory. */
		public static final String NAME = "signpostSynonyms";

		public Synonyms(Map<String, String> args) {
			super(args);
		}

		@Override
		public void inform(ResourceLoader loader) throws IOException {
			super.inform(new ContentLoader(loader));
		}

	}

	/**
	 * Lucene's stop filter for the filler words, reading them through
	 * {@link ContentLoader}.
	 */
	public static final class FillerWords extends StopFilterFactory {

		/** Lucene's name for the factory. */
		public static final String NAME = "signpostFillerWords";

		public FillerWords(Map<String, String> args) {
			super(args);
		}

		@Override
		public void inform(ResourceLoader loader) throws IOException {
			super.inform(new ContentLoader(loader));
		}

	}

	/**
	 * Lucene's keyword marker for the protected words, reading them through
	 * {@link ContentLoader}.
	 */
	public static final class ProtectedWords extends KeywordMarkerFilterFactory {

		/** Lucene's name for the factory. */
		public static final String NAME = "signpostProtectedWords";

		public ProtectedWords(Map<String, String> args) {
			super(args);
		}

		@Override
		public void inform(ResourceLoader loader) throws IOException {
			super.inform(new ContentLoader(loader));
		}

	}

}
