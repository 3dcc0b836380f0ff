package uk.signpost.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A record to write: its root row, the rows that live and die with it by the list they
 * came from (only the lists the feed gave, an empty one included), a hash of what the
 * feed said, and a fingerprint of each part (the root and each list).
 */
record Aggregate(Row root, Map<String, List<Row>> lists, String contentHash, Map<String, String> parts) {

	/** The root's part in the fingerprint. */
	static final String RECORD = "record";

	/** A part written before parts were kept: there, but its fingerprint is unknown. */
	static final String UNKNOWN = "?";

	/** Columns that say when or how a row was written, not what the feed said. */
	private static final Set<String> NOT_CONTENT = Set.of("imported_at", "content_hash", "content_parts",
			"withdrawn_at", "position");

	static Aggregate of(Row root, Map<String, List<Row>> lists, String contentHash) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put(RECORD, fingerprint(List.of(root)));
		lists.forEach((list, rows) -> parts.put(list, fingerprint(rows)));
		return new Aggregate(root, lists, contentHash, parts);
	}

	String id() {
		return this.root.id();
	}

	/**
	 * Every row the record owns, list after list in reading order, with positions
	 * numbered again per table: rows kept from one copy and rows from another must not
	 * share a position.
	 */
	List<Row> children() {
		List<Row> children = new ArrayList<>();
		Map<String, Integer> positions = new HashMap<>();
		for (String list : RecordLists.of(this.root.table())) {
			for (Row row : this.lists.getOrDefault(list, List.of())) {
				row.put("position", positions.merge(row.table(), 1, Integer::sum) - 1);
				children.add(row);
			}
		}
		return children;
	}

	/**
	 * This record with a later copy of it applied: the copy's root, and each list the
	 * copy gives; the lists it leaves out stay as they were.
	 */
	Aggregate with(Aggregate later) {
		Map<String, List<Row>> lists = new LinkedHashMap<>(this.lists);
		lists.putAll(later.lists);
		Map<String, String> parts = new LinkedHashMap<>(this.parts);
		parts.putAll(later.parts);
		return new Aggregate(later.root, lists, later.contentHash, parts);
	}

	/**
	 * This record with a later copy of it in the same feed: this one stands, and the
	 * later one gives only the lists this one left out.
	 */
	Aggregate filledFrom(Aggregate later) {
		return later.with(this);
	}

	/**
	 * What this later copy adds to a record already written with the given lists: only
	 * the lists not given, under a root that changes nothing else; null when none.
	 */
	Aggregate without(Set<String> given) {
		Map<String, List<Row>> lists = new LinkedHashMap<>(this.lists);
		lists.keySet().removeAll(given);
		if (lists.isEmpty()) {
			return null;
		}
		Map<String, String> parts = new LinkedHashMap<>(this.parts);
		parts.keySet().retainAll(lists.keySet());
		Row root = new Row(this.root.table()).put("id", id()).put("source_id", this.root.get("source_id"));
		return new Aggregate(root, lists, null, parts);
	}

	/** The lists of its kind this copy leaves out. */
	List<String> omitted() {
		return RecordLists.of(this.root.table()).stream().filter(list -> !this.lists.containsKey(list)).toList();
	}

	/** The parts as stored in content_parts: record=...;phones=... in reading order. */
	static String format(Map<String, String> parts) {
		StringBuilder text = new StringBuilder();
		parts.forEach((part, hash) -> text.append(text.isEmpty() ? "" : ";").append(part).append('=').append(hash));
		return text.toString();
	}

	static Map<String, String> parse(String text) {
		if (text == null) {
			return null;
		}
		Map<String, String> parts = new LinkedHashMap<>();
		for (String part : text.split(";")) {
			int equals = part.indexOf('=');
			parts.put(part.substring(0, equals), part.substring(equals + 1));
		}
		return parts;
	}

	/**
	 * The first 64 bits of SHA-256 over what the rows hold, in order but without their
	 * positions, so the same list reads the same in any copy of the record.
	 */
	private static String fingerprint(List<Row> rows) {
		MessageDigest digest = RecordReader.sha256();
		for (Row row : rows) {
			digest.update(row.table().getBytes(StandardCharsets.UTF_8));
			row.asMap().forEach((column, value) -> {
				if (!NOT_CONTENT.contains(column)) {
					digest.update(('\u0000' + column + '=' + value).getBytes(StandardCharsets.UTF_8));
				}
			});
			digest.update((byte) '\n');
		}
		return HexFormat.of().formatHex(digest.digest(), 0, 8);
	}

}
