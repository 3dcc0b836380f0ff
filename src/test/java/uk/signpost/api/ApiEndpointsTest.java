package uk.signpost.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.web.servlet.MvcResult;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API's other endpoints: service_at_locations by postcode and distance, taxonomies,
 * taxonomy terms, organisations; ETags and 304.
 */
class ApiEndpointsTest extends WebTest {

	/**
	 * A venue in Preston city centre, one in Fulwood (3.5 km north) and one in Lancaster.
	 */
	static final String FEED = """
			[{"id": "needs", "name": "Needs", "description": "Categories of need",
			  "taxonomy_terms": [{"id": "food", "name": "Food", "description": "Help with food"},
			                     {"id": "food-banks", "name": "Food banks", "parent_id": "food", "description": ""}]},
			 {"id": "pantry", "name": "Preston Pantry", "status": "active", "description": "Low-cost food club",
			  "organization": {"id": "org-pantry", "name": "Pantry Network", "description": "Food clubs"},
			  "attributes": [{"id": "a1", "taxonomy_term_id": "food-banks"}],
			  "service_at_locations": [
			    {"id": "pantry-centre", "location": {"id": "loc-centre", "location_type": "physical", "name": "Market Hall",
			      "latitude": 53.7590, "longitude": -2.6995,
			      "addresses": [{"id": "adr-centre", "address_1": "Earl Street", "city": "Preston", "postal_code": "PR1 2JA",
			        "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}},
			    {"id": "pantry-fulwood", "location": {"id": "loc-fulwood", "location_type": "physical", "name": "Fulwood Library",
			      "latitude": 53.7905, "longitude": -2.7046,
			      "addresses": [{"id": "adr-fulwood", "address_1": "Garstang Road", "city": "Preston", "postal_code": "PR2 3LP",
			        "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}}]},
			 {"id": "lancaster-advice", "name": "Lancaster Advice", "status": "active", "description": "Debt advice",
			  "organization": {"id": "org-advice", "name": "Advice North", "description": "Advice charity"},
			  "service_areas": [{"id": "area-lancaster", "name": "Lancaster"}],
			  "service_at_locations": [
			    {"id": "advice-online", "location": {"id": "loc-online", "location_type": "virtual", "name": "Online",
			      "url": "https://advice.example.org", "latitude": 54.0466, "longitude": -2.8007}},
			    {"id": "advice-outreach", "location": {"id": "loc-outreach", "location_type": "physical",
			      "name": "Outreach in villages"}},
			    {"id": "advice-lancaster", "location": {"id": "loc-lancaster", "location_type": "physical", "name": "Town Hall",
			      "latitude": 54.0466, "longitude": -2.8007,
			      "addresses": [{"id": "adr-lancaster", "address_1": "Dalton Square", "city": "Lancaster", "postal_code": "LA1 1PJ",
			        "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}}]}]""";

	@BeforeEach
	void directory() throws Exception {
		clear();
		load("county", FEED);
	}

	private static String id(String table, String sourceId) {
		return RecordId.of("county", table, sourceId);
	}

	/** Rows inside a record take their ids from the record's: see RecordReader. */
	private static String sal(String service, String sourceId) {
		return RecordId.of("county", "service_at_location", service + "/" + sourceId);
	}

	private List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.path("contents").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	@Test
	void serviceAtLocationsNearAPostcodeComeNearestFirstWithinTheProximity() throws Exception {
		JsonNode near = fetchJson("/api/service_at_locations?postcode=PR1%202JA&proximity=5000");
		assertThat(ids(near)).containsExactly(sal("pantry", "pantry-centre"), sal("pantry", "pantry-fulwood"));
		assertThat(near.path("contents").path(0).path("location").path("name").asString()).isEqualTo("Market Hall");
		assertThat(near.path("contents").path(0).path("service").path("name").asString()).isEqualTo("Preston Pantry");

		// From Fulwood, Fulwood's venue is nearer; 1 km reaches only that one.
		assertThat(ids(fetchJson("/api/service_at_locations?postcode=PR2%203LP&proximity=20000")))
			.startsWith(sal("pantry", "pantry-fulwood"));
		assertThat(ids(fetchJson("/api/service_at_locations?postcode=PR2%203LP&proximity=1000")))
			.containsExactly(sal("pantry", "pantry-fulwood"));

		// Without a distance, services whose service area leaves Preston out are left
		// out.
		assertThat(ids(fetchJson("/api/service_at_locations?postcode=PR1%202JA")))
			.containsExactly(sal("pantry", "pantry-centre"), sal("pantry", "pantry-fulwood"));
		// Only venues are measured, and named right: not the website (even with
		// coordinates) or the outreach with no address, listed before it.
		assertThat(ids(fetchJson("/api/service_at_locations?postcode=LA1%201PJ&proximity=1000")))
			.containsExactly(sal("lancaster-advice", "advice-lancaster"));
	}

	@Test
	void aServiceWithMoreVenuesThanTheIndexHasFieldsForIsCountedAndPagedWhole() throws Exception {
		// Eleven venues 200 m apart going north from Market Hall: past the index's eight
		// venue positions (search.VenuePositions).
		StringBuilder venues = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			venues.append(i == 0 ? "" : ",")
				.append("""
						{"id": "hub-%d", "location": {"id": "hub-loc-%d", "location_type": "physical",
						  "name": "Hub %d", "latitude": %.4f, "longitude": -2.6995}}""".formatted(i, i, i,
						53.7590 + 0.0018 * i));
			expected.add(RecordId.of("hubs", "service_at_location", "hub/hub-" + i));
		}
		load("hubs", """
				[{"id": "hub", "name": "Family Hubs", "status": "active", "description": "Family hubs",
				  "organization": {"id": "org-hubs", "name": "Hubs", "description": "Hubs"},
				  "service_at_locations": [%s]}]""".formatted(venues));
		List<String> ids = new ArrayList<>();
		for (int page = 1; page <= 4; page++) {
			JsonNode near = fetchJson(
					"/api/service_at_locations?postcode=PR1%202JA&proximity=5000&per_page=4&page=" + page);
			assertThat(near.path("total_items").asInt()).isEqualTo(13);
			ids.addAll(ids(near));
		}
		assertThat(ids).hasSize(13).doesNotHaveDuplicates().containsAll(expected);
		// Nearest first: the hub's venues go north for 2 km; Fulwood's, at 3.5 km, last.
		assertThat(ids.stream().filter(expected::contains).toList()).isEqualTo(expected);
		assertThat(ids.get(12)).isEqualTo(sal("pantry", "pantry-fulwood"));
	}

	@Test
	void serviceAtLocationsAreFilteredAndPagedLikeServices() throws Exception {
		JsonNode all = fetchJson("/api/service_at_locations?per_page=2");
		assertThat(all.path("total_items").asInt()).isEqualTo(5);
		assertThat(all.path("total_pages").asInt()).isEqualTo(3);
		assertThat(all.path("size").asInt()).isEqualTo(2);
		JsonNode second = fetchJson("/api/service_at_locations?per_page=2&page=2");
		assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(all));

		assertThat(ids(fetchJson("/api/service_at_locations?search=debt"))).containsExactly(
				sal("lancaster-advice", "advice-online"), sal("lancaster-advice", "advice-outreach"),
				sal("lancaster-advice", "advice-lancaster"));
		assertThat(ids(fetchJson("/api/service_at_locations?taxonomy_term_id=" + id("taxonomy_term", "food"))))
			.containsExactlyInAnyOrder(sal("pantry", "pantry-centre"), sal("pantry", "pantry-fulwood"));
		JsonNode full = fetchJson("/api/service_at_locations?search=debt&full=true");
		assertThat(full.path("contents").path(0).path("service").path("service_at_locations").size()).isEqualTo(3);
	}

	@Test
	void oneServiceAtLocationComesWithItsLocationAndTheWholeService() throws Exception {
		JsonNode sal = fetchJson("/api/service_at_locations/" + sal("pantry", "pantry-fulwood"));
		assertThat(sal.path("location").path("addresses").path(0).path("postal_code").asString()).isEqualTo("PR2 3LP");
		assertThat(sal.path("service").path("organization").path("name").asString()).isEqualTo("Pantry Network");
		this.mvc.perform(api("/api/service_at_locations/nope")).andExpect(status().isNotFound());
	}

	@Test
	void badLocationParametersAreNamed() throws Exception {
		this.mvc.perform(api("/api/service_at_locations?postcode=ZZ99%209ZZ&proximity=far"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("proximity must be a number above 0, not \"far\"; "
					+ "postcode: We could not find the postcode ZZ99 9ZZ. Check it and try again, or enter the name of a town"));
		this.mvc.perform(api("/api/service_at_locations?proximity=1000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value("proximity needs a postcode to measure from"));
	}

	@Test
	void taxonomiesAndTermsArePagedAndWholeById() throws Exception {
		JsonNode taxonomies = fetchJson("/api/taxonomies");
		assertThat(taxonomies.path("total_items").asInt()).isEqualTo(1);
		assertThat(taxonomies.path("contents").path(0).path("name").asString()).isEqualTo("Needs");
		assertThat(taxonomies.path("contents").path(0).has("taxonomy_terms")).isFalse();
		JsonNode taxonomy = fetchJson("/api/taxonomies/" + id("taxonomy", "needs"));
		assertThat(taxonomy.path("taxonomy_terms").size()).isEqualTo(2);

		JsonNode terms = fetchJson("/api/taxonomy_terms?per_page=1");
		assertThat(terms.path("total_items").asInt()).isEqualTo(2);
		assertThat(terms.path("total_pages").asInt()).isEqualTo(2);
		JsonNode term = fetchJson("/api/taxonomy_terms/" + id("taxonomy_term", "food-banks"));
		assertThat(term.path("parent_id").asString()).isEqualTo(id("taxonomy_term", "food"));
		assertThat(term.path("taxonomy_id").asString()).isEqualTo(id("taxonomy", "needs"));
		this.mvc.perform(api("/api/taxonomy_terms/nope")).andExpect(status().isNotFound());
		this.mvc.perform(api("/api/taxonomies/nope")).andExpect(status().isNotFound());
	}

	@Test
	void organizationsArePagedAndComeWithTheirServices() throws Exception {
		JsonNode page = fetchJson("/api/organizations");
		assertThat(page.path("total_items").asInt()).isEqualTo(2);
		JsonNode organization = fetchJson("/api/organizations/" + id("organization", "org-pantry"));
		assertThat(organization.path("services").path(0).path("name").asString()).isEqualTo("Preston Pantry");
		assertThat(organization.path("services").path(0).has("service_at_locations")).isFalse();
		JsonNode full = fetchJson("/api/organizations/" + id("organization", "org-pantry") + "?full_service=true");
		assertThat(full.path("services").path(0).path("service_at_locations").size()).isEqualTo(2);
		this.mvc.perform(api("/api/organizations/nope")).andExpect(status().isNotFound());
	}

	/**
	 * An error is the same JSON, with its own status, whatever the client accepts (the
	 * new-user trial's curl with Accept: text/html had 406s); an answer that is not an
	 * error stays JSON-only, so a client that takes no JSON is told 406, in JSON.
	 */
	@Test
	void errorsAreTheSameJsonWhateverTheClientAccepts() throws Exception {
		Map<String, Integer> errors = Map.of("/api/services?per_page=abc", 400, "/api/services/nope", 404, "/api/nope",
				404, "/api/service_at_locations?postcode=PR1%202JA&proximity=-5", 400, "/api/taxonomies/nope", 404);
		for (Map.Entry<String, Integer> error : errors.entrySet()) {
			String expected = this.mvc.perform(api(error.getKey()).accept("application/json"))
				.andExpect(status().is(error.getValue()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(this.json.readTree(expected).path("status").asInt()).isEqualTo(error.getValue());
			for (String accept : List.of("text/html", "application/xml", "text/plain")) {
				MvcResult result = this.mvc.perform(api(error.getKey()).header("Accept", accept))
					.andExpect(status().is(error.getValue()))
					.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
					.andReturn();
				assertThat(result.getResponse().getContentAsString()).as(error.getKey() + " " + accept)
					.isEqualTo(expected);
			}
		}
		this.mvc.perform(api("/api/services").header("Accept", "text/html"))
			.andExpect(status().isNotAcceptable())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
			.andExpect(jsonPath("$.status").value(406));
		this.mvc.perform(api("/api/services").header("Accept", "text/html, application/json;q=0.1"))
			.andExpect(status().isOk());
	}

	/**
	 * Strict about names, so every name the OpenAPI file documents must still work: each
	 * is sent, empty (read as not given), to its own address.
	 */
	@Test
	void everyDocumentedParameterIsAcceptedAndAnyOtherIsNamedIn400() throws Exception {
		JsonNode document = this.json.readTree(resource("openapi.json"));
		JsonNode shared = document.path("components").path("parameters");
		Map<String, String> ids = Map.of("/services/{id}", id("service", "pantry"), "/service_at_locations/{id}",
				sal("pantry", "pantry-centre"), "/taxonomies/{id}", id("taxonomy", "needs"), "/taxonomy_terms/{id}",
				id("taxonomy_term", "food"), "/organizations/{id}", id("organization", "org-pantry"));
		int sent = 0;
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			String address = "/api" + (path.getKey().equals("/") ? "" : path.getKey().contains("{id}")
					? ids.get(path.getKey()) == null ? null : path.getKey().replace("{id}", ids.get(path.getKey()))
					: path.getKey());
			assertThat(address).as(path.getKey()).doesNotContain("null");
			for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
				JsonNode resolved = parameter.has("$ref")
						? shared.path(parameter.path("$ref").asString().replace("#/components/parameters/", ""))
						: parameter;
				if (resolved.path("in").asString().equals("query")) {
					this.mvc.perform(api(address + "?" + resolved.path("name").asString() + "="))
						.andExpect(status().isOk());
					sent++;
				}
			}
			this.mvc.perform(api(address + "?taxonomy_terms=food"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.message")
					.value(org.hamcrest.Matchers.startsWith("unknown parameter \"taxonomy_terms\";")));
		}
		assertThat(sent).isGreaterThan(30);
		this.mvc.perform(api("/api/services?taxonomy_terms=food&search=food"))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.message").value(org.hamcrest.Matchers.containsString("takes search, page, per_page")));
	}

	@Test
	void anUnchangedAnswerIsNotSentAgain() throws Exception {
		String path = "/api/services/" + id("service", "pantry");
		MvcResult first = this.mvc.perform(api(path)).andExpect(status().isOk()).andReturn();
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		this.mvc.perform(api(path).header("If-None-Match", etag)).andExpect(status().isNotModified());
		String lastModified = first.getResponse().getHeader("Last-Modified");
		this.mvc.perform(api(path).header("If-Modified-Since", lastModified)).andExpect(status().isNotModified());

		// A change to the organisation (a record of its own) changes the answer.
		load("county", FEED.replace("\"name\": \"Pantry Network\"", "\"name\": \"Pantry Network CIC\""));
		this.mvc.perform(api(path).header("If-None-Match", etag))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andExpect(jsonPath("$.organization.name").value("Pantry Network CIC"));
		this.mvc.perform(api("/api/services").header("If-None-Match", "\"nothing\"")).andExpect(status().isOk());
	}

}
