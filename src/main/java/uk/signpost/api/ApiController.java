package uk.signpost.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import uk.signpost.directory.Service;
import uk.signpost.search.SearchResult;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

/**
 * The directory as an ORUK 3.0 (HSDS-UK 3.0) API: read-only JSON under /api, open to
 * every origin for GET.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@CrossOrigin(methods = org.springframework.web.bind.annotation.RequestMethod.GET)
class ApiController {

	static final String VERSION = "HSDS-UK-3.0";

	static final String PROFILE = "https://github.com/openreferral/uk-profile";

	/** The most services one page may ask for. */
	static final int MAX_PER_PAGE = 100;

	private final ServiceRecords records;

	private final ServiceSearch search;

	ApiController(ServiceRecords records, ServiceSearch search) {
		this.records = records;
		this.search = search;
	}

	/**
	 * Where the ORUK validator starts: which version and profile, and the OpenAPI file.
	 */
	@GetMapping
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", VERSION);
		details.put("profile", PROFILE);
		details.put("openapi_url",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/openapi.json").toUriString());
		return details;
	}

	/**
	 * Services a page at a time, from the same search engine as the pages, with ORUK's
	 * filters. full=true gives whole records instead of the one-to-one fields.
	 */
	@GetMapping("/services")
	Map<String, Object> services(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		if (p.has("start_time") || p.has("end_time")) {
			throw new ApiProblem(HttpStatus.BAD_REQUEST, "start_time and end_time are not supported yet; use day");
		}
		int page = p.integer("page", 1, 1, Integer.MAX_VALUE);
		int perPage = p.integer("per_page", 50, 1, MAX_PER_PAGE);
		boolean full = p.bool("full");
		ServiceQuery query = ServiceQuery.builder()
			.text(p.text("search"))
			.day(p.day("day"))
			.exact(true)
			.page(page)
			.size(perPage)
			.api(new ServiceQuery.ApiFilters(p.text("taxonomy_term_id"), p.text("taxonomy_id"),
					p.text("organization_id"), p.instant("modified_after"), p.optionalInteger("minimum_age", 0, 130),
					p.optionalInteger("maximum_age", 0, 130)))
			.build();
		p.failIfInvalid();
		SearchResult result = this.search.search(query);
		List<Map<String, Object>> contents = new ArrayList<>();
		for (SearchResult.Hit hit : result.hits()) {
			this.records.find(hit.id())
				.ifPresent(service -> contents.add(full ? this.records.full(service) : this.records.summary(service)));
		}
		long total = result.total();
		int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total_items", total);
		body.put("total_pages", pages);
		body.put("page_number", page);
		body.put("size", contents.size());
		body.put("first_page", page == 1);
		body.put("last_page", page >= pages);
		body.put("empty", contents.isEmpty());
		body.put("contents", contents);
		return body;
	}

	@GetMapping("/services/{id}")
	ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
		Service service = this.records.find(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no service with the id " + id));
		if (service.isWithdrawn()) {
			throw new ApiProblem(HttpStatus.GONE, "The service " + id + " has been withdrawn by its publisher");
		}
		return ResponseEntity.ok().lastModified(service.importedAt()).body(this.records.full(service));
	}

}
