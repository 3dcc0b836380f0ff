package uk.signpost.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row to write: a table and its columns in a fixed order, so rows of a table batch
 * together.
 */
record Row(String table, LinkedHashMap<String, Object> values) {

	Row(String table) {
		this(table, new LinkedHashMap<>());
	}

	Row put(String column, Object value) {
		this.values.put(column, value);
		return this;
	}

	Object get(String column) {
		return this.values.get(column);
	}

	String id() {
		return (String) this.values.get("id");
	}

	Map<String, Object> asMap() {
		return this.values;
	}

}
