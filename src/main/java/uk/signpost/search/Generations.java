package uk.signpost.search;

import java.io.IOException;

import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;

/**
 * Where the index's generations live and which is live (ADR 0008): a rebuild writes a new
 * one beside the live one and makes it live only once complete. {@link LuceneGenerations}
 * keeps them in folders under data-dir/index, {@link OpenSearchGenerations} as indexes on
 * an OpenSearch cluster behind an alias that every node searches through.
 */
interface Generations {

	/**
	 * The live generation, or null when there is none complete and of this format (a
	 * first start, a lost index, an older Signpost's index).
	 */
	Live openLive() throws IOException;

	/**
	 * vocabulary: the one kept beside the index, or null when it is to be read from the
	 * database.
	 */
	record Live(CloseableSearchMapping mapping, Vocabulary vocabulary) {
	}

	/** A new, empty generation beside the live one, for a rebuild to fill. */
	CloseableSearchMapping create();

	/**
	 * Makes the generation just built the live one; returns what searches use from now on
	 * (the built mapping, or one that follows the live generation).
	 */
	CloseableSearchMapping publish(CloseableSearchMapping built, Vocabulary vocabulary);

	/** Closes and deletes a generation whose rebuild failed. */
	void discard(CloseableSearchMapping built);

	/** Deletes what is not the live generation: older ones, and any left half-built. */
	void tidy();

	/** Keeps the vocabulary beside the live generation, where it can. */
	void saveVocabulary(Vocabulary vocabulary);

	/** The analyser queries go through, to tell what is left of the words typed. */
	Analyzer queryAnalyzer(CloseableSearchMapping mapping);

}
