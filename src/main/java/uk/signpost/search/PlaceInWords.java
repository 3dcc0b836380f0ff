package uk.signpost.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import uk.signpost.geo.PlaceFinder;

/**
 * A place typed at the end of the need, in the need box ("food bank preston", "dementia
 * in Chorley", "debt advice PR1 2HE"): the need and the place found, so the search runs
 * near it. Only the last words are tried, only when words are left for the need, a word
 * that says a need (the synonym list's) is never taken for a place, and a place only the
 * shipped gazetteer knows ("help with my bath") only after "in" or "near".
 *
 * @param need the words before the place
 * @param place what the place words turned out to be
 */
record PlaceInWords(String need, PlaceFinder.Found place) {

	/** Longest place tried, in words ("St Annes on Sea"). */
	private static final int MOST_WORDS = 4;

	private static final Set<String> BEFORE_PLACE = Set.of("in", "near", "around", "at", "nr");

	static PlaceInWords find(String words, PlaceFinder places, Set<String> needWords) {
		if (words == null) {
			return null;
		}
		String[] tokens = words.strip().split("\\s+");
		for (int n = Math.min(MOST_WORDS, tokens.length - 1); n >= 1; n--) {
			String[] placeWords = Arrays.copyOfRange(tokens, tokens.length - n, tokens.length);
			if (Arrays.stream(placeWords).anyMatch(word -> needWords.contains(word.toLowerCase(Locale.UK)))) {
				continue;
			}
			int end = tokens.length - n;
			while (end > 0 && BEFORE_PLACE.contains(tokens[end - 1].toLowerCase(Locale.UK))) {
				end--;
			}
			if (end == 0) {
				continue;
			}
			String place = String.join(" ", placeWords);
			if (place.replaceAll("[^\\p{L}\\p{N}]", "").length() < 3) {
				continue;
			}
			// The shipped gazetteer has places called Bath, Street and Hope: a name only
			// it
			// knows counts after "in" or "near", a postcode or a place the directory has
			// services in counts anywhere.
			boolean after = end < tokens.length - n;
			if (places.find(place) instanceof PlaceFinder.Found found
					&& (after || found.match() != PlaceFinder.Match.SHIPPED_PLACE)) {
				return new PlaceInWords(String.join(" ", Arrays.copyOfRange(tokens, 0, end)), found);
			}
		}
		return null;
	}

}
