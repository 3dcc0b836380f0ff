package uk.signpost.directory;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Signpost's id for a record: a name-based UUID of (publisher, table, the publisher's own
 * id). Two publishers that use the same ids never overwrite each other, and a record
 * keeps its id across re-imports. See docs/adr/0002-record-identity.md.
 */
public final class RecordId {

	private RecordId() {
	}

	public static String of(String publisherId, String table, String sourceId) {
		String name = "signpost:" + publisherId + ":" + table + ":" + sourceId;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
