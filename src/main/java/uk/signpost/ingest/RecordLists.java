package uk.signpost.ingest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import uk.signpost.directory.OrukTable;

/**
 * The lists (JSON arrays) each kind of record owns, in the order they are read, and which
 * list a stored row came from. A list is the unit a copy of a record replaces: one it
 * leaves out keeps what an earlier copy gave (ADR 0011).
 */
final class RecordLists {

	private static final Map<OrukTable, List<String>> LISTS = new EnumMap<>(OrukTable.class);

	static {
		for (OrukTable table : OrukTable.values()) {
			LISTS.put(table, table.ownedRows().stream().map(OrukTable::list).distinct().toList());
		}
	}

	private RecordLists() {
	}

	/**
	 * The lists of records stored in this table, in reading order; none for a table of
	 * single rows.
	 */
	static List<String> of(String table) {
		return LISTS.get(OrukTable.of(table));
	}

	/**
	 * The list a stored row was read from. Schedules, phones and languages are written
	 * from more than one list, told apart by what they point at; phones are the owner's
	 * phone rows by id, for a phone's languages. Null for a language whose phone is gone.
	 */
	static String listOf(Row row, Map<Object, Row> phones) {
		OrukTable table = OrukTable.of(row.table());
		return switch (table) {
			case SCHEDULE ->
				row.get("service_at_location_id") != null ? OrukTable.SERVICE_AT_LOCATION.list() : table.list();
			case LANGUAGE -> {
				if (row.get("phone_id") == null) {
					yield table.list();
				}
				Row phone = phones.get(row.get("phone_id"));
				yield phone == null ? null : listOf(phone, phones);
			}
			case PHONE -> row.get("contact_id") != null ? OrukTable.CONTACT.list() : table.list();
			default -> table.list();
		};
	}

}
