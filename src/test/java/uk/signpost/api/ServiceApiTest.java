package uk.signpost.api;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ORUK API's service record: export, import as another publisher, export again, and
 * the two are the same apart from identifiers; errors as JSON.
 */
class ServiceApiTest extends WebTest {

	static final String SERVICE = """
			{
			  "id": "svc-1", "name": "Preston Foodbank", "alternate_name": "The Foodbank",
			  "description": "Free food parcels for people in crisis.", "url": "https://foodbank.example.org",
			  "email": "help@foodbank.example.org", "status": "active", "fees": "Free",
			  "interpretation_services": "Polish and Urdu on request", "application_process": "Call us first",
			  "eligibility_description": "Anyone in financial crisis", "minimum_age": 18, "maximum_age": 99,
			  "assured_date": "2026-03-03", "assurer_email": "checker@example.org", "alert": "Closed at Christmas",
			  "last_modified": "2026-03-03T10:15:00Z",
			  "organization": {"id": "org-1", "name": "Preston Foodbank Trust", "description": "A local charity",
			    "website": "https://trust.example.org",
			    "organization_identifiers": [{"id": "oi-1", "identifier_scheme": "GB-CHC", "identifier_type": "Charity number", "identifier": "1234567"}]},
			  "service_at_locations": [{"id": "sal-1", "location": {
			    "id": "loc-1", "location_type": "physical", "name": "St Mary's Church Hall", "latitude": 53.7632, "longitude": -2.7031,
			    "addresses": [{"id": "adr-1", "address_1": "1 Church Street", "city": "Preston", "state_province": "Lancashire",
			      "postal_code": "PR1 3BQ", "country": "GB", "address_type": "physical"}],
			    "accessibility": [{"id": "acc-1", "description": "Step-free entrance"}]}}],
			  "schedules": [{"id": "sch-1", "freq": "WEEKLY", "interval": 1, "byday": "MO,WE", "opens_at": "10:00:00",
			    "closes_at": "12:30:00", "description": "Closed on bank holidays"}],
			  "phones": [{"id": "ph-1", "number": "01632 960123", "type": "voice"}],
			  "contacts": [{"id": "c-1", "name": "Sam Whittle", "title": "Coordinator", "phones": [{"id": "ph-2", "number": "01632 960124"}]}],
			  "languages": [{"id": "lang-1", "name": "English", "code": "en"}],
			  "service_areas": [{"id": "area-1", "name": "Preston", "extent_type": "other"}],
			  "funding": [{"id": "fund-1", "source": "Lancashire County Council"}],
			  "cost_options": [{"id": "cost-1", "amount": 0, "amount_description": "Free"}],
			  "required_documents": [{"id": "doc-1", "document": "A foodbank voucher"}],
			  "attributes": [{"id": "attr-1", "taxonomy_term": {"id": "term-food", "name": "Food banks",
			    "description": "Emergency food", "taxonomy": "Needs"}}]
			}""";

	@BeforeEach
	void directory() throws Exception {
		clear();
		load("council", SERVICE);
	}

	@Test
	void theDetailsObjectPointsAtTheOpenApiFile() throws Exception {
		this.mvc.perform(get("/api"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("HSDS-UK-3.0"))
			.andExpect(jsonPath("$.openapi_url").value("http://localhost/api/openapi.json"));
	}

	@Test
	void aServiceExportedImportedAndExportedAgainIsTheSame() throws Exception {
		String id = RecordId.of("council", "service", "svc-1");
		String first = fetch("/api/services/" + id);
		JsonNode exported = this.json.readTree(first);
		assertThat(exported.path("organization").path("name").asString()).isEqualTo("Preston Foodbank Trust");
		assertThat(exported.path("service_at_locations")
			.path(0)
			.path("location")
			.path("addresses")
			.path(0)
			.path("postal_code")
			.asString()).isEqualTo("PR1 3BQ");
		assertThat(exported.path("contacts").path(0).path("phones").path(0).path("number").asString())
			.isEqualTo("01632 960124");
		assertThat(exported.path("attributes").path(0).path("taxonomy_term").path("name").asString())
			.isEqualTo("Food banks");

		assertThat(load("copy", first).problems()).isEmpty();
		String second = fetch("/api/services/" + RecordId.of("copy", "service", id));

		assertThat(withoutIdentifiers(this.json.readTree(second))).isEqualTo(withoutIdentifiers(exported));
	}

	/**
	 * Identifiers are Signpost's own, derived per publisher, so they differ by design.
	 */
	private static JsonNode withoutIdentifiers(JsonNode node) {
		JsonNode copy = node.deepCopy();
		strip(copy);
		return copy;
	}

	private static void strip(JsonNode node) {
		if (node instanceof ObjectNode object) {
			Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (field.getKey().equals("id") || field.getKey().endsWith("_id")) {
					fields.remove();
				}
				else {
					strip(field.getValue());
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(ServiceApiTest::strip);
		}
	}

	@Test
	void theServiceListIsPagedAndFilteredByTheSearchEngine() throws Exception {
		String youth = """
				{"id": "svc-2", "name": "Youth Club", "status": "active", "description": "Games and sport",
				 "minimum_age": 11, "maximum_age": 18, "last_modified": "2026-06-01T09:00:00Z",
				 "schedules": [{"id": "sch-2", "freq": "WEEKLY", "byday": "FR", "opens_at": "18:00", "closes_at": "21:00"}]}""";
		load("council", "[" + SERVICE + "," + youth + "]");

		this.mvc.perform(get("/api/services?per_page=1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total_items").value(2))
			.andExpect(jsonPath("$.total_pages").value(2))
			.andExpect(jsonPath("$.page_number").value(1))
			.andExpect(jsonPath("$.size").value(1))
			.andExpect(jsonPath("$.first_page").value(true))
			.andExpect(jsonPath("$.last_page").value(false))
			.andExpect(jsonPath("$.empty").value(false))
			.andExpect(jsonPath("$.contents[0].service_at_locations").doesNotExist());
		this.mvc.perform(get("/api/services?per_page=1&page=2")).andExpect(jsonPath("$.last_page").value(true));
		// Without a search, pages follow Signpost's ids: together they hold each service
		// once.
		assertThat(List.of(fetchJson("/api/services?per_page=1").path("contents").path(0).path("name").asString(),
				fetchJson("/api/services?per_page=1&page=2").path("contents").path(0).path("name").asString()))
			.containsExactlyInAnyOrder("Preston Foodbank", "Youth Club");

		String foodbank = RecordId.of("council", "service", "svc-1");
		String organisation = RecordId.of("council", "organization", "org-1");
		String term = RecordId.of("council", "taxonomy_term", "term-food");
		expectOnly("/api/services?search=food+parcels", foodbank);
		expectOnly("/api/services?organization_id=" + organisation, foodbank);
		expectOnly("/api/services?taxonomy_term_id=" + term, foodbank);
		expectOnly("/api/services?minimum_age=11&maximum_age=18", RecordId.of("council", "service", "svc-2"));
		expectOnly("/api/services?day=FR", RecordId.of("council", "service", "svc-2"));
		expectOnly("/api/services?modified_after=2026-05-01", RecordId.of("council", "service", "svc-2"));
		expectOnly("/api/services?start_time=17:30&end_time=21:00", RecordId.of("council", "service", "svc-2"));
		expectOnly("/api/services?start_time=10:00&end_time=12:30", foodbank);
		this.mvc.perform(get("/api/services?search=food&full=true"))
			.andExpect(jsonPath("$.contents[0].service_at_locations[0].location.name").value("St Mary's Church Hall"));
	}

	private void expectOnly(String path, String id) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total_items").value(1))
			.andExpect(jsonPath("$.contents[0].id").value(id));
	}

	@Test
	void badParametersAreNamedInOne400() throws Exception {
		this.mvc
			.perform(get("/api/services?per_page=500&page=zero&day=someday&modified_after=yesterday&start_time=9am"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("page must be a whole number, not \"zero\"; "
					+ "per_page must be from 1 to 100, not 500; day must be a day such as MO or monday, not \"someday\"; "
					+ "modified_after must be a date-time such as 2026-01-31T09:00:00Z, not \"yesterday\"; "
					+ "start_time must be a time such as 09:30, not \"9am\""));
	}

	@Test
	void unknownAndWithdrawnServicesAnswerJsonErrors() throws Exception {
		this.mvc.perform(get("/api/services/nope"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("There is no service with the id nope"));

		String id = RecordId.of("council", "service", "svc-1");
		this.jdbc.update("UPDATE service SET withdrawn_at = CURRENT_TIMESTAMP WHERE id = ?", id);
		this.mvc.perform(get("/api/services/" + id))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.status").value(410));
	}

	@Test
	void anUnknownApiPathIsAJson404() throws Exception {
		this.mvc.perform(get("/api/servicez"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.message").value("There is nothing here; /api/openapi.json lists what there is"));
	}

	@Test
	void anyOriginMayRead() throws Exception {
		this.mvc.perform(get("/api").header("Origin", "https://family-hub.example.org"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "*"));
	}

}
