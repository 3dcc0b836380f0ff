package uk.signpost.duplicates;

import java.util.Arrays;

/**
 * How alike two names are: the Sørensen–Dice coefficient of their letter pairs, spaces
 * left out, so "Foodbank" and "Food Bank" are the same and word order matters little.
 */
final class Bigrams {

	private Bigrams() {
	}

	/** The sorted letter pairs of text without its spaces and brackets. */
	static int[] of(String text) {
		String letters = text.replaceAll("[^a-z0-9]", "");
		if (letters.length() < 2) {
			return letters.isEmpty() ? new int[0] : new int[] { letters.charAt(0) };
		}
		int[] grams = new int[letters.length() - 1];
		for (int i = 0; i < grams.length; i++) {
			grams[i] = letters.charAt(i) << 16 | letters.charAt(i + 1);
		}
		Arrays.sort(grams);
		return grams;
	}

	/** 1 for the same letter pairs, 0 for none in common. */
	static double dice(int[] a, int[] b) {
		if (a.length == 0 || b.length == 0) {
			return 0;
		}
		int common = 0;
		int i = 0;
		int j = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				common++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return 2.0 * common / (a.length + b.length);
	}

	/** The best match between any of a and any of b. */
	static double best(java.util.List<int[]> a, java.util.List<int[]> b) {
		double best = 0;
		for (int[] x : a) {
			for (int[] y : b) {
				best = Math.max(best, dice(x, y));
			}
		}
		return best;
	}

}
