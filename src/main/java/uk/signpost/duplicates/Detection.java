package uk.signpost.duplicates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the candidate pairs among listings without comparing every pair: two listings are
 * compared only when they share a block (a phone number, an email address, a website, a
 * postcode, or an outward code and a word of the name), and only when their publishers
 * differ. A block larger than {@link #LARGEST_BLOCK} says nothing (a shared switchboard,
 * a national charity's website, "Preston" in PR1) and is left out.
 */
final class Detection {

	static final int LARGEST_BLOCK = 300;

	private Detection() {
	}

	/**
	 * A pair of listings that scored the threshold or more, a the one with the smaller
	 * id.
	 */
	record Found(Listing a, Listing b, Scoring.Scored scored) {
	}

	record Result(List<Found> found, long compared) {
	}

	static Result detect(List<Listing> listings, double threshold) {
		Map<String, List<Integer>> blocks = new HashMap<>();
		for (int i = 0; i < listings.size(); i++) {
			for (String key : keys(listings.get(i))) {
				blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
			}
		}
		// Each listing's blocks, small ones only, found again without the map.
		Map<Integer, List<List<Integer>>> memberOf = new HashMap<>();
		blocks.values().removeIf(block -> block.size() < 2 || block.size() > LARGEST_BLOCK);
		for (List<Integer> block : blocks.values()) {
			for (int i : block) {
				memberOf.computeIfAbsent(i, k -> new ArrayList<>(4)).add(block);
			}
		}
		int[] seenFor = new int[listings.size()];
		java.util.Arrays.fill(seenFor, -1);
		List<Found> found = new ArrayList<>();
		long compared = 0;
		for (var entry : memberOf.entrySet()) {
			int i = entry.getKey();
			Listing a = listings.get(i);
			for (List<Integer> block : entry.getValue()) {
				for (int j : block) {
					if (j <= i || seenFor[j] == i) {
						continue;
					}
					seenFor[j] = i;
					Listing b = listings.get(j);
					if (a.publisherId().equals(b.publisherId())) {
						continue;
					}
					compared++;
					Scoring.Scored scored = Scoring.score(a, b);
					if (scored != null && scored.score() >= threshold) {
						found.add(a.id().compareTo(b.id()) < 0 ? new Found(a, b, scored) : new Found(b, a, scored));
					}
				}
			}
		}
		return new Result(found, compared);
	}

	private static List<String> keys(Listing listing) {
		List<String> keys = new ArrayList<>();
		listing.phones().forEach(p -> keys.add("phone:" + p));
		listing.emails().forEach(e -> keys.add("email:" + e));
		listing.hosts().forEach(h -> keys.add("web:" + h));
		listing.postcodes().forEach(p -> keys.add("postcode:" + p));
		for (String outward : listing.outwardCodes()) {
			listing.words().forEach(w -> keys.add("word:" + outward + ":" + w));
		}
		return keys;
	}

}
