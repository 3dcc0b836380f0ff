package uk.signpost.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ORUK tables, each after the table it belongs to: a record's table (service,
 * location, ...) or a table of rows a record owns (a service's phones, a location's
 * addresses), which are written, replaced and read only with their owner
 * (docs/adr/0007-owned-rows.md). A record's owned tables are in the order the importer
 * reads their lists, which numbers their rows. The one list of them: the importer, the
 * API and the tests take theirs from here.
 */
public enum OrukTable {

	TAXONOMY, TAXONOMY_TERM, ORGANIZATION, ORGANIZATION_IDENTIFIER(ORGANIZATION, "organization_identifiers"), LOCATION,
	ADDRESS(LOCATION, "addresses"), ACCESSIBILITY(LOCATION, "accessibility"), SERVICE,
	// Keyed by id alone: the API finds one by it (/service_at_locations/{id}).
	SERVICE_AT_LOCATION(SERVICE, "service_at_locations", false), SCHEDULE(SERVICE, "schedules"),
	SERVICE_AREA(SERVICE, "service_areas"), LANGUAGE(SERVICE, "languages"), FUNDING(SERVICE, "funding"),
	COST_OPTION(SERVICE, "cost_options"), REQUIRED_DOCUMENT(SERVICE, "required_documents"),
	METADATA(SERVICE, "metadata"), PHONE(SERVICE, "phones"), CONTACT(SERVICE, "contacts"),
	ATTRIBUTE(SERVICE, "attributes");

	private final OrukTable owner;

	private final String list;

	private final boolean keyedByOwner;

	/** A record's table. */
	OrukTable() {
		this(null, null, false);
	}

	/** Rows that owner's records hold in their ORUK list, keyed by (owner, id). */
	OrukTable(OrukTable owner, String list) {
		this(owner, list, true);
	}

	OrukTable(OrukTable owner, String list, boolean keyedByOwner) {
		this.owner = owner;
		this.list = list;
		this.keyedByOwner = keyedByOwner;
	}

	/** The table's name in the database. */
	public String table() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The record whose rows these are; null for a record's own table. */
	public OrukTable owner() {
		return this.owner;
	}

	/** Whether this table's rows belong to another table's records. */
	public boolean owned() {
		return this.owner != null;
	}

	/** The column that names the owner (service_id); null for a record's own table. */
	public String ownerKey() {
		return owned() ? this.owner.table() + "_id" : null;
	}

	/**
	 * The ORUK list (JSON array) of the owner a row is read from and written to, where it
	 * is one list; a schedule or phone may also sit inside another of the owner's lists.
	 */
	public String list() {
		return this.list;
	}

	/** Whether rows are keyed by (owner, id) rather than by id alone. */
	public boolean keyedByOwner() {
		return this.keyedByOwner;
	}

	/** Every table of rows owned by some record, in this order. */
	public static List<OrukTable> ownedTables() {
		return Arrays.stream(values()).filter(OrukTable::owned).toList();
	}

	/** The tables of rows this record's table owns, in this order. */
	public List<OrukTable> ownedRows() {
		return Arrays.stream(values()).filter(table -> table.owner == this).toList();
	}

	/** The table of that name. */
	public static OrukTable of(String table) {
		return valueOf(table.toUpperCase(Locale.ROOT));
	}

}
