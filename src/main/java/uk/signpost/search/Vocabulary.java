package uk.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.search.spell.LuceneLevenshteinDistance;

/**
 * The words the directory uses, with how often, for spelling suggestions. Only words the
 * directory does not know are corrected, only when they are long enough that one or two
 * wrong letters cannot make another real word, and only to a word the directory uses: so
 * "dancing" never becomes "cancer".
 */
final class Vocabulary {

	private static final Pattern WORD = Pattern.compile("[\\p{L}']+");

	private final Map<String, Integer> counts = new ConcurrentHashMap<>();

	private final LuceneLevenshteinDistance distance = new LuceneLevenshteinDistance();

	void addText(String text) {
		if (text == null) {
			return;
		}
		Matcher words = WORD.matcher(text.toLowerCase(Locale.UK));
		while (words.find()) {
			this.counts.merge(words.group(), 1, Integer::sum);
		}
	}

	void add(ServiceDocument document) {
		addText(document.name);
		addText(document.alternateName);
		addText(document.description);
		addText(document.organizationName);
		addText(document.eligibilityDescription);
		document.taxonomy.forEach(this::addText);
	}

	/** Every word of the synonym list counts as known, once. */
	void addSynonyms(String list) {
		words(list).forEach(word -> this.counts.putIfAbsent(word, 1));
	}

	/** The words of a synonym list, lower case, its comment lines left out. */
	static java.util.Set<String> words(String list) {
		java.util.Set<String> found = new java.util.LinkedHashSet<>();
		for (String line : list.split("\n")) {
			if (!line.startsWith("#")) {
				Matcher words = WORD.matcher(line.toLowerCase(Locale.UK));
				while (words.find()) {
					found.add(words.group());
				}
			}
		}
		return found;
	}

	boolean knows(String word) {
		return this.counts.containsKey(word);
	}

	int size() {
		return this.counts.size();
	}

	/**
	 * The query with unknown words corrected, or null when nothing needed or could be
	 * corrected.
	 */
	String correct(String query) {
		if (query == null || query.isBlank()) {
			return null;
		}
		Matcher words = WORD.matcher(query);
		StringBuilder corrected = new StringBuilder();
		boolean changed = false;
		while (words.find()) {
			String word = words.group();
			String lower = word.toLowerCase(Locale.UK);
			String replacement = knows(lower) ? null : british(suggest(lower));
			if (replacement != null) {
				changed = true;
				words.appendReplacement(corrected, Matcher.quoteReplacement(replacement));
			}
			else {
				words.appendReplacement(corrected, Matcher.quoteReplacement(word));
			}
		}
		words.appendTail(corrected);
		return changed ? corrected.toString() : null;
	}

	/** American endings and their British forms, tried on a correction. */
	private static final String[][] BRITISH = { { "eling", "elling" }, { "eled", "elled" }, { "elor", "ellor" },
			{ "or", "our" }, { "ors", "ours" }, { "ize", "ise" }, { "izing", "ising" }, { "ization", "isation" },
			{ "er", "re" }, { "ped", "paed" }, { "og", "ogue" }, { "ense", "ence" } };

	/**
	 * The British form of a corrected word when the directory knows it: "counciling" is
	 * as near "counseling" as anything, but a British resident should read "counselling".
	 */
	String british(String word) {
		if (word == null) {
			return null;
		}
		for (String[] spelling : BRITISH) {
			String american = spelling[0];
			String british = null;
			if (american.equals("ped") && word.startsWith("ped")) {
				british = "paed" + word.substring(3);
			}
			else if (!american.equals("ped") && word.endsWith(american)) {
				british = word.substring(0, word.length() - american.length()) + spelling[1];
			}
			if (british != null && knows(british)) {
				return british;
			}
		}
		return word;
	}

	/** Words of five letters or more, one edit away; eight or more, two edits. */
	String suggest(String word) {
		int length = word.length();
		if (length < 5) {
			return null;
		}
		int edits = length >= 8 ? 2 : 1;
		String best = null;
		int bestEdits = Integer.MAX_VALUE;
		int bestCount = 0;
		for (Map.Entry<String, Integer> entry : this.counts.entrySet()) {
			String candidate = entry.getKey();
			if (Math.abs(candidate.length() - length) > edits || candidate.charAt(0) != word.charAt(0)
					&& (candidate.length() < 2 || candidate.charAt(1) != word.charAt(1))) {
				continue;
			}
			float similarity = this.distance.getDistance(word, candidate);
			int distance = Math.round((1 - similarity) * Math.max(length, candidate.length()));
			if (distance <= edits && (distance < bestEdits || distance == bestEdits && entry.getValue() > bestCount)) {
				best = candidate;
				bestEdits = distance;
				bestCount = entry.getValue();
			}
		}
		return best;
	}

	void save(Path file) throws IOException {
		List<String> lines = new ArrayList<>(this.counts.size());
		this.counts.forEach((word, count) -> lines.add(word + "\t" + count));
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	void load(Path file) throws IOException {
		this.counts.clear();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int tab = line.indexOf('\t');
			if (tab > 0) {
				this.counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
			}
		}
	}

}
