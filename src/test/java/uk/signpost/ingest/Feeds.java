package uk.signpost.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small hand-written ORUK feeds for tests. */
final class Feeds {

	private Feeds() {
	}

	/** A full service in ORUK 3.0 shape; id and name vary, the rest is fixed. */
	static String service(String id, String name) {
		return """
				{
				  "id": "%s",
				  "name": "%s",
				  "description": "Free food parcels for people in crisis.",
				  "url": "https://foodbank.example.org",
				  "email": "help@foodbank.example.org",
				  "status": "active",
				  "fees": "Free",
				  "minimum_age": 18,
				  "maximum_age": 99,
				  "assured_date": "2026-03-03",
				  "assurer_email": "checker@example.org",
				  "last_modified": "2026-03-03T10:15:00Z",
				  "eligibility_description": "Anyone in financial crisis",
				  "organization": {"id": "org-1", "name": "Preston Foodbank", "description": "A local charity"},
				  "service_at_locations": [{"id": "sal-%1$s", "location": {
				    "id": "loc-1", "location_type": "physical", "name": "St Mary's Church Hall",
				    "latitude": 53.7632, "longitude": -2.7031,
				    "addresses": [{"id": "adr-1", "address_1": "1 Church Street", "city": "Preston",
				      "state_province": "Lancashire", "postal_code": "PR1 3BQ", "country": "GB", "address_type": "physical"}],
				    "accessibility": [{"id": "acc-1", "description": "Step-free entrance"}]}}],
				  "schedules": [{"id": "sch-1", "freq": "WEEKLY", "interval": 1, "byday": "MO,WE",
				    "opens_at": "10:00:00", "closes_at": "12:30:00"}],
				  "phones": [{"id": "ph-1", "number": "01632 960123"}],
				  "contacts": [{"id": "c-1", "name": "Sam Whittle", "phones": [{"id": "ph-2", "number": "01632 960124"}]}],
				  "languages": [{"id": "lang-1", "name": "English", "code": "en"}],
				  "cost_options": [{"id": "cost-1", "amount": 0, "amount_description": "Free"}],
				  "attributes": [{"id": "attr-1", "taxonomy_term": {"id": "term-food", "name": "Food banks",
				    "description": "Emergency food", "taxonomy": "Needs"}}]
				}"""
			.formatted(id, name);
	}

	static Path write(Path folder, String name, String json) throws IOException {
		Files.createDirectories(folder);
		return Files.writeString(folder.resolve(name), json);
	}

	static String page(String... services) {
		return """
				{"total_items": %d, "total_pages": 1, "page_number": 1, "size": %1$d, "first_page": true,
				 "last_page": true, "empty": false, "contents": [%s]}""".formatted(services.length,
				String.join(",", services));
	}

}
