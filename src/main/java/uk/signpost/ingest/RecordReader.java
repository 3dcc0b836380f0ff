package uk.signpost.ingest;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import uk.signpost.directory.RecordId;
import uk.signpost.directory.Service;

import static uk.signpost.ingest.Field.Kind.DATE;
import static uk.signpost.ingest.Field.Kind.DATE_TIME;
import static uk.signpost.ingest.Field.Kind.LATITUDE;
import static uk.signpost.ingest.Field.Kind.LONGITUDE;
import static uk.signpost.ingest.Field.Kind.TIME;
import static uk.signpost.ingest.Field.email;
import static uk.signpost.ingest.Field.integer;
import static uk.signpost.ingest.Field.longText;
import static uk.signpost.ingest.Field.of;
import static uk.signpost.ingest.Field.oneOf;
import static uk.signpost.ingest.Field.text;
import static uk.signpost.ingest.Field.url;

/**
 * Turns one ORUK 3.0 JSON record into rows, checking every field on the way. Reads
 * services (the usual case), organisations with their services, service_at_locations,
 * taxonomies and taxonomy terms. Ids become Signpost ids through {@link RecordId}; the
 * publisher's own ids are kept.
 */
final class RecordReader {

	/** Compact JSON, as JsonNode.toString() writes it. */
	private static final ObjectWriter COMPACT = JsonMapper.shared().writer();

	static final List<String> STATUSES = List.of("active", "inactive", "defunct", Service.TEMPORARILY_CLOSED);

	static final List<Field> SERVICE = List.of(text("name"), text("alternate_name"), longText("description"),
			url("url"), email("email"), longText("interpretation_services"), longText("application_process"),
			longText("fees"), longText("accreditations"), longText("eligibility_description"), integer("minimum_age"),
			integer("maximum_age"), of("assured_date", DATE), email("assurer_email"), longText("licenses"),
			longText("alert"), of("last_modified", DATE_TIME));

	static final List<Field> ORGANIZATION = List.of(text("name"), text("alternate_name"), longText("description"),
			email("email"), url("website"), url("logo"), url("uri"), text("legal_status"),
			integer("year_incorporated"));

	static final List<Field> ORGANIZATION_IDENTIFIER = List.of(text("identifier_scheme"), text("identifier_type"),
			text("identifier"));

	static final List<Field> LOCATION = List.of(url("url"), text("name"), text("alternate_name"),
			longText("description"), longText("transportation"), of("latitude", LATITUDE), of("longitude", LONGITUDE),
			text("external_identifier"), text("external_identifier_type"));

	static final List<Field> ADDRESS = List.of(text("attention"), text("address_1"), text("address_2"), text("city"),
			text("region"), text("state_province"), text("postal_code", 20), text("country"),
			oneOf("address_type", "physical", "postal", "virtual"));

	static final List<Field> ACCESSIBILITY = List.of(longText("description"), longText("details"), url("url"));

	static final List<Field> SCHEDULE = List.of(of("valid_from", DATE), of("valid_to", DATE), of("dtstart", DATE),
			integer("timezone"), of("until", DATE), integer("count"), text("wkst", 2),
			oneOf("freq", "WEEKLY", "MONTHLY"), integer("interval"), text("byday"), text("byweekno"),
			text("bymonthday"), text("byyearday"), longText("description"), of("opens_at", TIME), of("closes_at", TIME),
			url("schedule_link"), text("attending_type"), longText("notes"));

	static final List<Field> SERVICE_AREA = List.of(longText("name"), longText("description"), longText("extent"),
			text("extent_type", 30), url("uri"));

	static final List<Field> LANGUAGE = List.of(text("name"), text("code", 20), longText("note"));

	static final List<Field> FUNDING = List.of(longText("source"));

	static final List<Field> COST_OPTION = List.of(of("valid_from", DATE), of("valid_to", DATE), text("option"),
			text("currency", 3), Field.decimal("amount"), longText("amount_description"));

	static final List<Field> CONTACT = List.of(text("name"), text("title"), text("department"), email("email"));

	static final List<Field> PHONE = List.of(text("number", 100), text("extension", 20), text("type", 30),
			longText("description"));

	static final List<Field> REQUIRED_DOCUMENT = List.of(longText("document"), url("uri"));

	static final List<Field> ATTRIBUTE = List.of(text("link_type"), text("link_entity", 100), longText("value"),
			text("label"));

	static final List<Field> METADATA = List.of(text("resource_id"), text("resource_type", 100),
			of("last_action_date", DATE), text("last_action_type", 100), text("field_name"), longText("previous_value"),
			longText("replacement_value"), text("updated_by"));

	static final List<Field> TAXONOMY = List.of(text("name"), longText("description"), url("uri"),
			text("version", 100));

	static final List<Field> TAXONOMY_TERM = List.of(text("code"), text("name"), longText("description"),
			text("taxonomy"), text("language", 20), url("term_uri"));

	private final String publisherId;

	private final Instant importedAt;

	RecordReader(String publisherId, Instant importedAt) {
		this.publisherId = publisherId;
		this.importedAt = importedAt;
	}

	/**
	 * Reads one record; path says where it is in the file, such as services.json
	 * $.contents[3].
	 */
	ImportItem read(JsonNode node, String path) {
		ImportItem item = new ImportItem();
		if (!node.isObject()) {
			item.problems.add(Problem.error(null, path,
					"expected a record (a JSON object) but found " + FieldReader.describe(node)));
			return item;
		}
		switch (RecordKind.of(node)) {
			case ORGANIZATION -> readOrganizationWithServices(node, path, item);
			case SERVICE_AT_LOCATION -> readServiceAtLocation(node, path, item);
			case TAXONOMY -> readTaxonomy(node, path, item);
			case TAXONOMY_TERM -> {
				FieldReader fields = new FieldReader(sourceId(node), item.problems);
				Row term = readTerm(node, path, fields, null);
				if (term != null && !hasErrors(item.problems)) {
					item.taxonomyTerms.add(term);
				}
			}
			case SERVICE -> readService(node, path, item, null);
		}
		return item;
	}

	private void readOrganizationWithServices(JsonNode node, String path, ImportItem item) {
		List<Problem> problems = new ArrayList<>();
		Aggregate organization = readOrganization(node, path, new FieldReader(sourceId(node), problems));
		item.problems.addAll(problems);
		if (organization == null || hasErrors(problems)) {
			return;
		}
		item.organizations.add(organization);
		JsonNode services = node.get("services");
		if (services != null && services.isArray()) {
			for (int i = 0; i < services.size(); i++) {
				readService(services.get(i), path + ".services[" + i + "]", item, organization.id());
			}
		}
	}

	private void readServiceAtLocation(JsonNode node, String path, ImportItem item) {
		JsonNode service = node.get("service");
		if (service == null || !service.isObject()) {
			item.problems.add(
					Problem.error(sourceId(node), path + ".service", "a service_at_location record needs its service"));
			return;
		}
		// Read as the service at this one location, so the pair lands together.
		tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) service.deepCopy();
		if (!copy.has("service_at_locations")) {
			tools.jackson.databind.node.ObjectNode sal = copy.putArray("service_at_locations").addObject();
			sal.set("id", node.get("id"));
			sal.set("location", node.get("location"));
			sal.set("schedules", node.get("schedules"));
		}
		readService(copy, path + ".service", item, null);
	}

	private void readTaxonomy(JsonNode node, String path, ImportItem item) {
		FieldReader fields = new FieldReader(sourceId(node), item.problems);
		String sourceId = requireId(node, path, fields);
		Row taxonomy = new Row("taxonomy");
		if (sourceId != null) {
			taxonomy.put("id", RecordId.of(this.publisherId, "taxonomy", sourceId));
		}
		taxonomy.put("publisher_id", this.publisherId).put("source_id", sourceId);
		fields.readAll(node, path, TAXONOMY, taxonomy);
		requireText(taxonomy, "name", path, fields);
		taxonomy.put("imported_at", this.importedAt);
		if (hasErrors(item.problems)) {
			return;
		}
		item.taxonomies.add(taxonomy);
		JsonNode terms = node.get("taxonomy_terms");
		if (terms != null && terms.isArray()) {
			for (int i = 0; i < terms.size(); i++) {
				JsonNode termNode = terms.get(i);
				List<Problem> termProblems = new ArrayList<>();
				Row term = readTerm(termNode, path + ".taxonomy_terms[" + i + "]",
						new FieldReader(sourceId(termNode), termProblems), taxonomy);
				item.problems.addAll(termProblems);
				if (term != null && !hasErrors(termProblems)) {
					item.taxonomyTerms.add(term);
				}
			}
		}
	}

	/** Reads a service and what it brings; on any error the whole service is skipped. */
	private void readService(JsonNode node, String path, ImportItem item, String organizationId) {
		List<Problem> problems = new ArrayList<>();
		String sourceId = sourceId(node);
		FieldReader fields = new FieldReader(sourceId, problems);
		if (!node.isObject()) {
			fields.error(path, "expected a service (a JSON object) but found " + FieldReader.describe(node));
			item.problems.addAll(problems);
			return;
		}
		sourceId = requireId(node, path, fields);
		Row service = new Row("service");
		String id = sourceId == null ? null : RecordId.of(this.publisherId, "service", sourceId);
		service.put("id", id).put("publisher_id", this.publisherId).put("source_id", sourceId);

		Aggregate organization = null;
		JsonNode organizationNode = node.get("organization");
		if (organizationNode != null && organizationNode.isObject()) {
			organization = readOrganization(organizationNode, path + ".organization", fields);
			organizationId = organization == null ? null : organization.id();
		}
		else if (organizationId == null) {
			organizationId = reference(node, "organization_id", "organization", path, fields);
		}
		service.put("organization_id", organizationId);
		fields.readAll(node, path, SERVICE, service);
		requireText(service, "name", path, fields);
		if (service.get("fees") == null) {
			// HSDS 3.0 calls it fees_description; ORUK calls it fees.
			service.put("fees", fields.read(node, path, longText("fees_description")));
		}
		service.put("status", status(node, path, fields));
		checkAges(service, path, fields);
		service.put("imported_at", this.importedAt);

		Children children = new Children(id, sourceId, fields);
		List<Aggregate> locations = new ArrayList<>();
		List<Row> terms = new ArrayList<>();
		children.list(node, path, "service_at_locations", (child, at, index) -> {
			Row sal = children.row("service_at_location", child, at, index);
			String locationId;
			JsonNode location = child.get("location");
			if (location != null && location.isObject()) {
				Aggregate read = readLocation(location, at + ".location", fields);
				locationId = read == null ? null : read.id();
				if (read != null) {
					locations.add(read);
				}
			}
			else {
				locationId = reference(child, "location_id", "location", at, fields);
			}
			if (locationId == null) {
				fields.error(at, "a service_at_location needs a location or a location_id");
			}
			sal.put("location_id", locationId);
			sal.put("description", fields.read(child, at, longText("description")));
			children.add(sal);
			children.each(child, at, "schedules", (schedule, scheduleAt, scheduleIndex) -> children
				.add(schedule(children, schedule, scheduleAt, sal.id(), "sal" + index + "-" + scheduleIndex)));
		});
		children.list(node, path, "schedules",
				(child, at, index) -> children.add(schedule(children, child, at, null, String.valueOf(index))));
		children.simple(node, path, "service_areas", "service_area", SERVICE_AREA);
		children.simple(node, path, "languages", "language", LANGUAGE, "phone_id", null);
		children.simple(node, path, "funding", "funding", FUNDING);
		children.simple(node, path, "cost_options", "cost_option", COST_OPTION);
		children.simple(node, path, "required_documents", "required_document", REQUIRED_DOCUMENT);
		children.simple(node, path, "metadata", "metadata", METADATA);
		children.list(node, path, "phones", (child, at, index) -> phone(children, child, at, index, null));
		children.list(node, path, "contacts", (child, at, index) -> {
			Row contact = children.row("contact", child, at, index);
			fields.readAll(child, at, CONTACT, contact);
			children.add(contact);
			children.each(child, at, "phones", (phone, phoneAt, phoneIndex) -> phone(children, phone, phoneAt,
					index * 1000 + phoneIndex, contact.id()));
		});
		children.list(node, path, "attributes", (child, at, index) -> {
			Row attribute = children.row("attribute", child, at, index);
			fields.readAll(child, at, ATTRIBUTE, attribute);
			String termId = null;
			JsonNode term = child.get("taxonomy_term");
			if (term != null && term.isObject()) {
				Row termRow = readTerm(term, at + ".taxonomy_term", fields, null);
				if (termRow != null) {
					terms.add(termRow);
					termId = termRow.id();
				}
			}
			else {
				termId = reference(child, "taxonomy_term_id", "taxonomy_term", at, fields);
			}
			attribute.put("taxonomy_term_id", termId);
			children.add(attribute);
		});

		item.problems.addAll(problems);
		if (hasErrors(problems)) {
			item.skippedServices.add(sourceId == null ? "(no id) " + path : sourceId);
			return;
		}
		if (organization != null) {
			item.organizations.add(organization);
		}
		item.locations.addAll(locations);
		item.taxonomyTerms.addAll(terms);
		item.services.add(Aggregate.of(service, children.lists, hash(node)));
	}

	private Row schedule(Children children, JsonNode node, String path, String serviceAtLocationId, String key) {
		Row schedule = children.row("schedule", node, path, key);
		schedule.put("service_at_location_id", serviceAtLocationId);
		children.fields.readAll(node, path, SCHEDULE, schedule);
		return schedule;
	}

	private void phone(Children children, JsonNode node, String path, int index, String contactId) {
		Row phone = children.row("phone", node, path, (contactId == null ? "" : contactId + "-") + index);
		phone.put("contact_id", contactId);
		children.fields.readAll(node, path, PHONE, phone);
		if (phone.get("number") == null) {
			children.fields.error(path + ".number", "a phone needs a number");
		}
		children.add(phone);
		children.each(node, path, "languages", (language, at, languageIndex) -> {
			Row row = children.row("language", language, at, phone.id() + "-" + languageIndex);
			row.put("phone_id", phone.id());
			children.fields.readAll(language, at, LANGUAGE, row);
			children.add(row);
		});
	}

	private Aggregate readOrganization(JsonNode node, String path, FieldReader fields) {
		String sourceId = requireId(node, path, fields);
		if (sourceId == null) {
			return null;
		}
		String id = RecordId.of(this.publisherId, "organization", sourceId);
		Row organization = new Row("organization").put("id", id)
			.put("publisher_id", this.publisherId)
			.put("source_id", sourceId);
		fields.readAll(node, path, ORGANIZATION, organization);
		requireText(organization, "name", path, fields);
		organization.put("parent_organization_id",
				reference(node, "parent_organization_id", "organization", path, fields));
		organization.put("imported_at", this.importedAt);
		Children children = new Children(id, sourceId, fields);
		children.simple(node, path, "organization_identifiers", "organization_identifier", ORGANIZATION_IDENTIFIER);
		return Aggregate.of(organization, children.lists, hash(node));
	}

	private Aggregate readLocation(JsonNode node, String path, FieldReader fields) {
		String sourceId = requireId(node, path, fields);
		if (sourceId == null) {
			return null;
		}
		String id = RecordId.of(this.publisherId, "location", sourceId);
		Row location = new Row("location").put("id", id)
			.put("publisher_id", this.publisherId)
			.put("source_id", sourceId);
		location.put("organization_id", reference(node, "organization_id", "organization", path, fields));
		String type = (String) fields.read(node, path, oneOf("location_type", "physical", "postal", "virtual"));
		if (type == null && !fields.problems().stream().anyMatch(p -> p.path().equals(path + ".location_type"))) {
			fields.warning(path + ".location_type", "missing; read as physical");
			type = "physical";
		}
		location.put("location_type", type);
		fields.readAll(node, path, LOCATION, location);
		location.put("imported_at", this.importedAt);
		Children children = new Children(id, sourceId, fields);
		children.simple(node, path, "addresses", "address", ADDRESS);
		children.list(node, path, "accessibility", (child, at, index) -> {
			Row row = children.row("accessibility", child, at, index);
			children.fields.readAll(child, at, ACCESSIBILITY, row);
			if (row.get("description") == null) {
				// ORUK's example repeats the description in a field named
				// "accessibility".
				row.put("description", children.fields.read(child, at, longText("accessibility")));
			}
			children.add(row);
		});
		return Aggregate.of(location, children.lists, hash(node));
	}

	private Row readTerm(JsonNode node, String path, FieldReader fields, Row taxonomy) {
		String sourceId = requireId(node, path, fields);
		if (sourceId == null) {
			return null;
		}
		Row term = new Row("taxonomy_term").put("id", RecordId.of(this.publisherId, "taxonomy_term", sourceId))
			.put("publisher_id", this.publisherId)
			.put("source_id", sourceId);
		fields.readAll(node, path, TAXONOMY_TERM, term);
		requireText(term, "name", path, fields);
		term.put("parent_id", reference(node, "parent_id", "taxonomy_term", path, fields));
		String taxonomyId = taxonomy != null ? taxonomy.id() : reference(node, "taxonomy_id", "taxonomy", path, fields);
		term.put("taxonomy_id", taxonomyId);
		if (taxonomy != null && term.get("taxonomy") == null) {
			term.put("taxonomy", taxonomy.get("name"));
		}
		term.put("imported_at", this.importedAt);
		return term;
	}

	private String status(JsonNode node, String path, FieldReader fields) {
		JsonNode status = node.get("status");
		if (status == null || status.isNull() || (status.isString() && status.asString().isBlank())) {
			fields.warning(path + ".status", "missing; read as active");
			return "active";
		}
		return (String) fields.read(node, path, new Field("status", Field.Kind.ENUM, Field.SHORT, STATUSES));
	}

	private void checkAges(Row service, String path, FieldReader fields) {
		Integer minimum = (Integer) service.get("minimum_age");
		Integer maximum = (Integer) service.get("maximum_age");
		for (String field : List.of("minimum_age", "maximum_age")) {
			Integer age = (Integer) service.get(field);
			if (age != null && (age < 0 || age > 130)) {
				fields.error(path + "." + field, age + " is not an age between 0 and 130");
			}
		}
		if (minimum != null && maximum != null && minimum > maximum) {
			fields.error(path + ".minimum_age", "minimum age " + minimum + " is more than maximum age " + maximum);
		}
	}

	private String requireId(JsonNode node, String path, FieldReader fields) {
		JsonNode id = node.get("id");
		if (id == null || id.isNull() || (id.isString() && id.asString().isBlank())) {
			fields.error(path + ".id", "a record needs an id");
			return null;
		}
		if (!id.isString() && !id.isIntegralNumber()) {
			fields.error(path + ".id", "expected an id but found " + FieldReader.describe(id));
			return null;
		}
		return fields.text(id, path + ".id", Field.SHORT);
	}

	private void requireText(Row row, String field, String path, FieldReader fields) {
		if (row.get(field) == null && fields.problems().stream().noneMatch(p -> p.path().equals(path + "." + field))) {
			fields.error(path + "." + field, "a " + row.table().replace('_', ' ') + " needs a " + field);
		}
	}

	/** Turns the publisher's id for another record into Signpost's id for it. */
	private String reference(JsonNode node, String field, String table, String path, FieldReader fields) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String sourceId = fields.text(value, path + "." + field, Field.SHORT);
		return sourceId == null ? null : RecordId.of(this.publisherId, table, sourceId);
	}

	static String sourceId(JsonNode node) {
		JsonNode id = node == null ? null : node.get("id");
		return id == null || id.isNull() || id.isContainer() ? null : id.asString();
	}

	static boolean hasErrors(List<Problem> problems) {
		return problems.stream().anyMatch(Problem::isError);
	}

	/**
	 * SHA-256 of the record as compact JSON: the bytes of node.toString() (but for half a
	 * surrogate pair, which the string would turn into '?'), written straight into the
	 * digest. Building the string first took a tenth of an import.
	 */
	static String hash(JsonNode node) {
		MessageDigest digest = sha256();
		COMPACT.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), node);
		return HexFormat.of().formatHex(digest.digest());
	}

	static String hash(String text) {
		return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The rows that live inside one parent record, with ids unique within it. */
	private final class Children {

		final String parentId;

		final String parentSourceId;

		final FieldReader fields;

		/**
		 * The rows of each list the record gives, even empty; a list left out (or null)
		 * is not here, so what an earlier copy gave is kept (ADR 0011).
		 */
		final Map<String, List<Row>> lists = new LinkedHashMap<>();

		/** The list being read, which the rows added belong to. */
		private List<Row> rows;

		private final Set<String> ids = new HashSet<>();

		private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();

		Children(String parentId, String parentSourceId, FieldReader fields) {
			this.parentId = parentId;
			this.parentSourceId = parentSourceId;
			this.fields = fields;
		}

		interface Visitor {

			void visit(JsonNode child, String path, int index);

		}

		/** One of the record's own lists, whose rows (and theirs) belong to it. */
		void list(JsonNode node, String path, String field, Visitor visitor) {
			JsonNode list = node.get(field);
			if (list != null && list.isArray()) {
				this.rows = new ArrayList<>();
				this.lists.put(field, this.rows);
			}
			each(node, path, field, visitor);
			this.rows = null;
		}

		void each(JsonNode node, String path, String field, Visitor visitor) {
			JsonNode list = node.get(field);
			if (list == null || list.isNull()) {
				return;
			}
			if (!list.isArray()) {
				this.fields.error(path + "." + field, "expected a list but found " + FieldReader.describe(list));
				return;
			}
			for (int i = 0; i < list.size(); i++) {
				JsonNode child = list.get(i);
				String at = path + "." + field + "[" + i + "]";
				if (!child.isObject()) {
					this.fields.error(at, "expected an object but found " + FieldReader.describe(child));
					continue;
				}
				visitor.visit(child, at, i);
			}
		}

		void simple(JsonNode node, String path, String field, String table, List<Field> spec, Object... extra) {
			list(node, path, field, (child, at, index) -> {
				Row row = row(table, child, at, index);
				for (int i = 0; i < extra.length; i += 2) {
					row.put((String) extra[i], extra[i + 1]);
				}
				this.fields.readAll(child, at, spec, row);
				add(row);
			});
		}

		/**
		 * A child row with a Signpost id derived from the parent and the child's own id;
		 * a missing or repeated child id falls back to its place in the list.
		 */
		Row row(String table, JsonNode node, String path, Object key) {
			String childSourceId = sourceId(node);
			String local = childSourceId == null || childSourceId.isBlank() ? "#" + key : childSourceId;
			String id = RecordId.of(RecordReader.this.publisherId, table, this.parentSourceId + "/" + local);
			if (!this.ids.add(id)) {
				this.fields.warning(path + ".id", "id '" + childSourceId + "' is used twice in this record");
				id = RecordId.of(RecordReader.this.publisherId, table, this.parentSourceId + "/" + local + "#" + key);
				this.ids.add(id);
			}
			int position = this.positions.merge(table, 1, Integer::sum) - 1;
			return new Row(table).put("id", id).put("position", position);
		}

		void add(Row row) {
			this.rows.add(row);
		}

	}

}
