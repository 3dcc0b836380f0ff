package uk.signpost.api;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.directory.Organization;
import uk.signpost.directory.OrganizationRepository;
import uk.signpost.directory.Service;

/**
 * HSDS 3.0's /organizations (ORUK's OpenAPI leaves them out): organisations a page at a
 * time, and one with the services it provides.
 */
@RestController
@RequestMapping(path = "/api/organizations", produces = "application/json")
@CrossOrigin(methods = RequestMethod.GET)
class OrganizationsController {

	private final OrganizationRepository organizations;

	private final OrukRecords records;

	private final JdbcTemplate jdbc;

	OrganizationsController(OrganizationRepository organizations, OrukRecords records, JdbcTemplate jdbc) {
		this.organizations = organizations;
		this.records = records;
		this.jdbc = jdbc;
	}

	@GetMapping
	Map<String, Object> organizations(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		Page<Organization> found = this.organizations
			.findByWithdrawnAtIsNull(PageRequest.of(page - 1, perPage, Sort.by("id")));
		return ApiPage.of(found.getTotalElements(), page, perPage,
				found.map(this.records::organizationSummary).getContent());
	}

	/** full_service=true gives each service whole; otherwise its one-to-one fields. */
	@GetMapping("/{id}")
	Map<String, Object> organization(@PathVariable String id, @RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		boolean full = p.bool("full_service");
		p.failIfInvalid();
		Organization organization = this.organizations.findById(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no organization with the id " + id));
		if (organization.withdrawnAt() != null) {
			throw new ApiProblem(HttpStatus.GONE, "The organization " + id + " has been withdrawn by its publisher");
		}
		List<String> ids = this.jdbc.queryForList("SELECT s.id FROM service s WHERE s.organization_id = ? AND "
				+ Service.FINDABLE + " ORDER BY s.name, s.id", String.class, id);
		List<Map<String, Object>> services = this.records.findAll(ids)
			.stream()
			.map(service -> full ? this.records.full(service) : this.records.summary(service))
			.toList();
		return this.records.organization(organization, services);
	}

}
