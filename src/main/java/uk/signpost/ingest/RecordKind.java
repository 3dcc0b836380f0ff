package uk.signpost.ingest;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Which ORUK record a JSON object is, told from the fields only that kind has. */
enum RecordKind {

	SERVICE, ORGANIZATION, SERVICE_AT_LOCATION, TAXONOMY, TAXONOMY_TERM;

	private static final List<String> ORGANIZATION_ONLY = List.of("services", "organization_identifiers", "logo",
			"parent_organization_id", "legal_status", "year_incorporated");

	private static final List<String> SERVICE_ONLY = List.of("status", "organization", "organization_id",
			"service_at_locations", "schedules", "minimum_age", "maximum_age", "assured_date", "fees");

	static RecordKind of(JsonNode node) {
		if (node.has("service") && node.get("service").isObject()) {
			return SERVICE_AT_LOCATION;
		}
		if (node.has("taxonomy_terms") || (node.has("version") && !hasAny(node, SERVICE_ONLY))) {
			return TAXONOMY;
		}
		if ((node.has("term_uri") || node.has("parent_id") || node.has("taxonomy") || node.has("code"))
				&& !hasAny(node, SERVICE_ONLY)) {
			return TAXONOMY_TERM;
		}
		if (hasAny(node, ORGANIZATION_ONLY) && !hasAny(node, SERVICE_ONLY)) {
			return ORGANIZATION;
		}
		return SERVICE;
	}

	private static boolean hasAny(JsonNode node, List<String> fields) {
		return fields.stream().anyMatch(node::has);
	}

}
