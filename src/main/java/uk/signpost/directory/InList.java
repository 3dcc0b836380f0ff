package uk.signpost.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Reading many rows by id with {@code WHERE id IN (?, ?, ...)}: ids in chunks small
 * enough for any database's parameter limit, and the placeholders for one chunk.
 */
public final class InList {

	/** Ids per query. */
	public static final int SIZE = 500;

	private InList() {
	}

	public static List<List<String>> chunks(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		List<List<String>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += SIZE) {
			chunks.add(all.subList(i, Math.min(all.size(), i + SIZE)));
		}
		return chunks;
	}

	/** "?,?,?" for count values. */
	public static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

}
