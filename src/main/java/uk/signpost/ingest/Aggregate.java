package uk.signpost.ingest;

import java.util.List;

/**
 * A record to write: its root row, the rows that live and die with it, and a hash of what
 * the feed said.
 */
record Aggregate(Row root, List<Row> children, String contentHash) {

	String id() {
		return this.root.id();
	}

}
