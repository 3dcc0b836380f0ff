package uk.signpost.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** Writes small ORUK 3.0 feeds for search tests, one service at a time. */
final class TestFeed {

	private final List<Map<String, Object>> services = new ArrayList<>();

	/** Starts a service; the defaults make it an active, free, in-person service. */
	Service service(String id, String name) {
		Service service = new Service(id, name);
		this.services.add(service.record);
		return service;
	}

	Path write(Path folder) throws IOException {
		Files.createDirectories(folder);
		Path file = folder.resolve("feed.json");
		new JsonMapper().writeValue(file.toFile(), Map.of("total_items", this.services.size(), "total_pages", 1,
				"page_number", 1, "contents", this.services));
		return file;
	}

	static final class Service {

		final Map<String, Object> record = new LinkedHashMap<>();

		private final List<Map<String, Object>> attributes = new ArrayList<>();

		private final List<Map<String, Object>> venues = new ArrayList<>();

		Service(String id, String name) {
			this.record.put("id", id);
			this.record.put("name", name);
			this.record.put("status", "active");
			this.record.put("organization", Map.of("id", "org-" + id, "name", "Organisation of " + id));
			this.record.put("attributes", this.attributes);
			this.record.put("service_at_locations", this.venues);
			this.record.put("cost_options", List.of(Map.of("id", "cost-" + id, "amount", 0)));
		}

		Service description(String description) {
			this.record.put("description", description);
			return this;
		}

		Service organisation(String name) {
			this.record.put("organization", Map.of("id", "org-" + name.hashCode(), "name", name));
			return this;
		}

		Service eligibility(String text) {
			this.record.put("eligibility_description", text);
			return this;
		}

		/** A need term under a category (both created when new). */
		Service category(String category, String term) {
			String categoryId = "cat-" + category.hashCode();
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("id", "term-" + term.hashCode());
			value.put("name", term);
			value.put("parent_id", categoryId);
			value.put("taxonomy", "Needs");
			Map<String, Object> parent = Map.of("id", categoryId, "name", category, "taxonomy", "Needs");
			this.attributes
				.add(Map.of("id", "attr-c-" + this.record.get("id") + this.attributes.size(), "taxonomy_term", parent));
			this.attributes
				.add(Map.of("id", "attr-t-" + this.record.get("id") + this.attributes.size(), "taxonomy_term", value));
			return this;
		}

		Service delivery(String label) {
			this.attributes
				.add(Map.of("id", "attr-d-" + this.record.get("id") + this.attributes.size(), "taxonomy_term",
						Map.of("id", "delivery-" + label.hashCode(), "name", label, "taxonomy", "Delivery method")));
			return this;
		}

		Service venue(String locationId, double latitude, double longitude, String postcode, String town,
				boolean wheelchair) {
			Map<String, Object> location = new LinkedHashMap<>();
			location.put("id", locationId);
			location.put("location_type", "physical");
			location.put("name", "Venue " + locationId);
			location.put("latitude", latitude);
			location.put("longitude", longitude);
			location.put("addresses", List.of(Map.of("id", "adr-" + locationId, "address_1", "1 High Street", "city",
					town, "state_province", "Lancashire", "postal_code", postcode, "country", "GB")));
			if (wheelchair) {
				location.put("accessibility",
						List.of(Map.of("id", "acc-" + locationId, "description", "Wheelchair accessible entrance")));
			}
			this.venues.add(Map.of("id", "sal-" + this.record.get("id") + "-" + locationId, "location", location));
			return this;
		}

		Service ages(Integer minimum, Integer maximum) {
			if (minimum != null) {
				this.record.put("minimum_age", minimum);
			}
			if (maximum != null) {
				this.record.put("maximum_age", maximum);
			}
			return this;
		}

		Service charged() {
			this.record.put("cost_options", List.of(Map.of("id", "cost-" + this.record.get("id"), "amount", 5)));
			return this;
		}

		Service open(String byday, String opens, String closes) {
			this.record.put("schedules", List.of(Map.of("id", "sch-" + this.record.get("id"), "freq", "WEEKLY", "byday",
					byday, "opens_at", opens, "closes_at", closes)));
			return this;
		}

		Service languages(String... names) {
			List<Map<String, Object>> languages = new ArrayList<>();
			for (String name : names) {
				languages.add(Map.of("id", "lang-" + this.record.get("id") + name, "name", name));
			}
			this.record.put("languages", languages);
			return this;
		}

		Service serviceArea(String name) {
			this.record.put("service_areas", List.of(Map.of("id", "area-" + this.record.get("id"), "name", name)));
			return this;
		}

		Service phone(String number) {
			this.record.put("phones", List.of(Map.of("id", "phone-" + this.record.get("id"), "number", number)));
			return this;
		}

		Service status(String status) {
			this.record.put("status", status);
			return this;
		}

	}

}
