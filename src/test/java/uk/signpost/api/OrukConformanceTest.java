package uk.signpost.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint's answers validate against the official ORUK 3.0 schemas in
 * ../shared/oruk/schema, with formats (uuid, uri, email, date-time) checked, for a
 * directory with every optional field filled and for one with the least a record may
 * have. Runs in the 'shared' Maven profile.
 */
@Tag("shared")
class OrukConformanceTest extends WebTest {

	static final Path SCHEMAS = Path.of(System.getProperty("signpost.shared-dir", "../shared"), "oruk", "schema")
		.toAbsolutePath()
		.normalize();

	static final String SERVICE_ID = "3a1f6c52-0000-4000-8000-000000000001";

	/** Where the official files are known to the validator: their relative $refs work. */
	static final String BASE = "https://schemas.oruk.test/";

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			builder -> builder.schemas(OrukConformanceTest::read));

	private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private static String read(String iri) {
		if (!iri.startsWith(BASE)) {
			return null;
		}
		try {
			return Files.readString(SCHEMAS.resolve(iri.substring(BASE.length())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Schema schema(String file) {
		return this.schemas.computeIfAbsent(file, f -> this.registry.getSchema(SchemaLocation.of(BASE + f)));
	}

	/** Problems with node against the named official schema, formats included. */
	private List<String> problems(String file, JsonNode node, String where) {
		List<String> problems = new ArrayList<>();
		for (Error error : schema(file).validate(node,
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))) {
			problems.add(where + " " + error.getInstanceLocation() + ": " + error.getMessage());
		}
		return problems;
	}

	/** The page envelope as the official OpenAPI's Page schema, and each item. */
	private List<String> page(String path, String itemSchema) throws Exception {
		JsonNode page = fetchJson(path);
		List<String> problems = new ArrayList<>();
		JsonNode envelope = this.json.readTree(SCHEMAS.resolve("openapi.json").toFile())
			.path("components")
			.path("schemas")
			.path("Page");
		for (Error error : this.registry.getSchema(envelope).validate(page)) {
			problems.add(path + " envelope " + error.getMessage());
		}
		for (String field : List.of("total_items", "total_pages", "page_number", "size", "first_page", "last_page",
				"empty", "contents")) {
			if (!page.has(field)) {
				problems.add(path + " has no " + field);
			}
		}
		assertThat(page.path("contents").size()).as(path + " contents").isPositive();
		int i = 0;
		for (JsonNode item : page.path("contents")) {
			problems.addAll(problems(itemSchema, item, path + " contents[" + i++ + "]"));
		}
		return problems;
	}

	private List<String> one(String path, String schema) throws Exception {
		return problems(schema, fetchJson(path), path);
	}

	private List<String> everyEndpoint(String publisher, String service, String serviceAtLocation, String organization,
			String taxonomy, String term) throws Exception {
		List<String> problems = new ArrayList<>();
		JsonNode details = fetchJson("/api");
		assertThat(details.path("version").asString()).isEqualTo("HSDS-UK-3.0");
		problems.addAll(page("/api/services", "compiled/service_list.json"));
		problems.addAll(page("/api/services?full=true", "compiled/service.json"));
		problems.addAll(one("/api/services/" + service, "compiled/service.json"));
		problems.addAll(page("/api/service_at_locations", "compiled/service_at_location_list.json"));
		problems.addAll(page("/api/service_at_locations?full=true", "compiled/service_at_location.json"));
		if (serviceAtLocation != null) {
			problems.addAll(one("/api/service_at_locations/" + serviceAtLocation, "compiled/service_at_location.json"));
		}
		if (organization != null) {
			problems.addAll(page("/api/organizations", "compiled/organization_list.json"));
			problems.addAll(one("/api/organizations/" + organization, "compiled/organization.json"));
			problems
				.addAll(one("/api/organizations/" + organization + "?full_service=true", "compiled/organization.json"));
		}
		if (taxonomy != null) {
			problems.addAll(page("/api/taxonomies", "taxonomy.json"));
			problems.addAll(one("/api/taxonomies/" + taxonomy, "taxonomy.json"));
			problems.addAll(page("/api/taxonomy_terms", "taxonomy_term.json"));
			problems.addAll(one("/api/taxonomy_terms/" + term, "taxonomy_term.json"));
		}
		return problems;
	}

	@Test
	void aDirectoryWithEveryFieldConforms() throws Exception {
		clear();
		load("council", resource("every-field.json"));
		String service = RecordId.of("council", "service", SERVICE_ID);
		JsonNode record = fetchJson("/api/services/" + service);
		// The fixture really does fill every field the schema knows for a service.
		for (String field : List.of("organization_id", "name", "description", "url", "email", "status", "fees",
				"accreditations", "minimum_age", "maximum_age", "assured_date", "assurer_email", "alert",
				"last_modified", "schedules", "service_areas", "service_at_locations", "languages", "organization",
				"funding", "cost_options", "contacts", "attributes")) {
			assertThat(record.has(field)).as(field).isTrue();
		}
		assertThat(everyEndpoint("council", service,
				RecordId.of("council", "service_at_location", SERVICE_ID + "/sal-church"),
				RecordId.of("council", "organization", "org-foodbank"), RecordId.of("council", "taxonomy", "needs"),
				RecordId.of("council", "taxonomy_term", "food-banks")))
			.isEmpty();
	}

	/**
	 * Signpost's extension field (ADR 0016) on records a curator confirmed describe the
	 * same service: every endpoint still validates against the official schemas.
	 */
	@Test
	void recordsNamingTheSameServiceConform() throws Exception {
		clear();
		load("council", resource("every-field.json"));
		load("nhs", resource("every-field.json"));
		String council = RecordId.of("council", "service", SERVICE_ID);
		String nhs = RecordId.of("nhs", "service", SERVICE_ID);
		String first = council.compareTo(nhs) < 0 ? council : nhs;
		try {
			// Detection, after each import on its own thread, may have found the pair
			// already.
			String second = first.equals(council) ? nhs : council;
			if (this.jdbc.update("UPDATE duplicate_pair SET state = 'confirmed' WHERE service_a = ? AND service_b = ?",
					first, second) == 0) {
				this.jdbc.update(
						"INSERT INTO duplicate_pair (service_a, service_b, score, reasons, state, found_at) VALUES (?, ?, 1, 'name=1.00', 'confirmed', CURRENT_TIMESTAMP)",
						first, second);
			}
			JsonNode record = fetchJson("/api/services/" + council);
			assertThat(record.path("signpost_same_service_as").size()).isEqualTo(1);
			assertThat(record.path("signpost_same_service_as").get(0).asString()).isEqualTo(nhs);
			int named = 0;
			for (JsonNode service : fetchJson("/api/services?full=true").path("contents")) {
				named += service.has("signpost_same_service_as") ? 1 : 0;
			}
			assertThat(named).isEqualTo(2);
			assertThat(fetchJson("/api/service_at_locations/"
					+ RecordId.of("council", "service_at_location", SERVICE_ID + "/sal-church"))
				.path("service")
				.path("signpost_same_service_as")
				.get(0)
				.asString()).isEqualTo(nhs);
			assertThat(everyEndpoint("council", council,
					RecordId.of("council", "service_at_location", SERVICE_ID + "/sal-church"),
					RecordId.of("council", "organization", "org-foodbank"), RecordId.of("council", "taxonomy", "needs"),
					RecordId.of("council", "taxonomy_term", "food-banks")))
				.isEmpty();
		}
		finally {
			this.jdbc.update("DELETE FROM duplicate_pair");
		}
	}

	@Test
	void aDirectoryWithTheLeastARecordMayHaveConforms() throws Exception {
		clear();
		load("council", resource("minimum.json"));
		assertThat(everyEndpointOfAMinimalService()).isEmpty();
	}

	private List<String> everyEndpointOfAMinimalService() throws Exception {
		List<String> problems = new ArrayList<>();
		String service = RecordId.of("council", "service", "drop-in");
		problems.addAll(page("/api/services", "compiled/service_list.json"));
		problems.addAll(page("/api/services?full=true", "compiled/service.json"));
		problems.addAll(one("/api/services/" + service, "compiled/service.json"));
		JsonNode none = fetchJson("/api/service_at_locations");
		assertThat(none.path("total_items").asInt()).isZero();
		assertThat(none.path("empty").asBoolean()).isTrue();
		return problems;
	}

	@Test
	void theValidatorCatchesAWrongRecord() throws Exception {
		JsonNode wrong = this.json.readTree("""
				{"id": "not-a-uuid", "name": "X", "status": "active", "minimum_age": "ten", "url": "not a uri"}""");
		assertThat(String.join("\n", problems("compiled/service.json", wrong, "wrong"))).contains("/id", "/minimum_age",
				"/url");
	}

}
