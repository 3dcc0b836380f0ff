package uk.signpost.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.directory.Service;

/**
 * HSDS 3.0's /organizations (ORUK's OpenAPI leaves them out): organisations a page at a
 * time, and one with the services it provides.
 */
@RestController
@RequestMapping("/api/organizations")
@CrossOrigin(methods = RequestMethod.GET)
class OrganizationsController {

	private final OrukRecords records;

	private final JdbcTemplate jdbc;

	OrganizationsController(OrukRecords records, JdbcTemplate jdbc) {
		this.records = records;
		this.jdbc = jdbc;
	}

	@GetMapping
	Map<String, Object> organizations(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		OrukRecords.IdPage found = this.records.page("organization", "withdrawn_at IS NULL", page, perPage);
		Map<String, Map<String, Object>> organizations = this.records.organizations(found.ids(), true);
		return ApiPage.of(found.total(), page, perPage, found.ids().stream().map(organizations::get).toList());
	}

	/** full_service=true gives each service whole; otherwise its one-to-one fields. */
	@GetMapping("/{id}")
	Map<String, Object> organization(@PathVariable String id, @RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		boolean full = p.bool("full_service");
		p.failIfInvalid();
		switch (this.records.presence("organization", id)) {
			case MISSING -> throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no organization with the id " + id);
			case WITHDRAWN -> throw new ApiProblem(HttpStatus.GONE,
					"The organization " + id + " has been withdrawn by its publisher");
			default -> {
			}
		}
		Map<String, Object> organization = new OrukRecords.Json(this.records.organizations(List.of(id), false).get(id));
		List<String> ids = this.jdbc.queryForList("SELECT s.id FROM service s WHERE s.organization_id = ? AND "
				+ Service.FINDABLE + " ORDER BY s.name, s.id", String.class, id);
		organization.put("services", full ? this.records.full(ids) : this.records.summaries(ids));
		return organization;
	}

}
