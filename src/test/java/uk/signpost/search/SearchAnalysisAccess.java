package uk.signpost.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.util.ClasspathResourceLoader;

import uk.signpost.content.ContentFiles;

/** Lets tests outside the search package reach its package-private analysis settings. */
public final class SearchAnalysisAccess {

	private SearchAnalysisAccess() {
	}

	public static void overrides(Path folder) {
		SearchAnalysis.overrides(folder);
	}

	/** The query analyser's synonym step alone, reading the list as the index does. */
	public static Analyzer synonymsAnalyzer() throws IOException {
		return CustomAnalyzer.builder(new ClasspathResourceLoader(SearchAnalysis.class.getClassLoader()))
			.withTokenizer("standard")
			.addTokenFilter("lowercase")
			.addTokenFilter(SearchAnalysis.Synonyms.class,
					new HashMap<>(Map.of("synonyms", ContentFiles.CLASSPATH + SearchAnalysis.SYNONYMS, "ignoreCase",
							"true", "expand", "true")))
			.build();
	}

}
