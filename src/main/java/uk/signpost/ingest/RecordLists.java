package uk.signpost.ingest;

import java.util.List;
import java.util.Map;

/**
 * The lists (JSON arrays) each kind of record owns, in the order they are read, and which
 * list a stored row came from. A list is the unit a copy of a record replaces: one it
 * leaves out keeps what an earlier copy gave (ADR 0011).
 */
final class RecordLists {

	static final List<String> SERVICE = List.of("service_at_locations", "schedules", "service_areas", "languages",
			"funding", "cost_options", "required_documents", "metadata", "phones", "contacts", "attributes");

	static final List<String> LOCATION = List.of("addresses", "accessibility");

	static final List<String> ORGANIZATION = List.of("organization_identifiers");

	private RecordLists() {
	}

	/** The lists of records stored in this table; none for a table of single rows. */
	static List<String> of(String table) {
		return switch (table) {
			case "service" -> SERVICE;
			case "location" -> LOCATION;
			case "organization" -> ORGANIZATION;
			default -> List.of();
		};
	}

	/**
	 * The list a stored row was read from. Schedules, phones and languages are written
	 * from more than one list, told apart by what they point at; phones are the owner's
	 * phone rows by id, for a phone's languages. Null for a language whose phone is gone.
	 */
	static String listOf(Row row, Map<Object, Row> phones) {
		return switch (row.table()) {
			case "service_at_location" -> "service_at_locations";
			case "schedule" -> row.get("service_at_location_id") != null ? "service_at_locations" : "schedules";
			case "service_area" -> "service_areas";
			case "language" -> {
				if (row.get("phone_id") == null) {
					yield "languages";
				}
				Row phone = phones.get(row.get("phone_id"));
				yield phone == null ? null : listOf(phone, phones);
			}
			case "phone" -> row.get("contact_id") != null ? "contacts" : "phones";
			case "contact" -> "contacts";
			case "cost_option" -> "cost_options";
			case "required_document" -> "required_documents";
			case "attribute" -> "attributes";
			case "address" -> "addresses";
			case "organization_identifier" -> "organization_identifiers";
			default -> row.table();
		};
	}

}
