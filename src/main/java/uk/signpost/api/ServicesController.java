package uk.signpost.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.directory.Service;
import uk.signpost.search.SearchResult;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

/** ORUK's /services: a page at a time from the search engine, or one whole record. */
@RestController
@RequestMapping(path = "/api/services", produces = "application/json")
@CrossOrigin(methods = RequestMethod.GET)
class ServicesController {

	private final OrukRecords records;

	private final ServiceSearch search;

	ServicesController(OrukRecords records, ServiceSearch search) {
		this.records = records;
		this.search = search;
	}

	/**
	 * Services a page at a time, from the same search engine as the pages, with ORUK's
	 * filters. full=true gives whole records instead of the one-to-one fields.
	 */
	@GetMapping
	Map<String, Object> services(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		boolean full = p.bool("full");
		ServiceQuery query = filters(p).build();
		p.failIfInvalid();
		SearchResult result = this.search.list(query, (page - 1) * perPage, perPage);
		List<Map<String, Object>> contents = new ArrayList<>();
		List<String> ids = result.hits().stream().map(SearchResult.Hit::id).toList();
		for (Service service : this.records.findAll(ids)) {
			contents.add(full ? this.records.full(service) : this.records.summary(service));
		}
		return ApiPage.of(result.total(), page, perPage, contents);
	}

	/**
	 * The filters /services and /service_at_locations share, as a search; bad values are
	 * collected in p.
	 */
	static ServiceQuery.Builder filters(ApiParameters p) {
		return ServiceQuery.builder()
			.text(p.text("search"))
			.day(p.day("day"))
			.exact(true)
			.api(new ServiceQuery.ApiFilters(p.text("taxonomy_term_id"), p.text("taxonomy_id"),
					p.text("organization_id"), p.instant("modified_after"), p.optionalInteger("minimum_age", 0, 130),
					p.optionalInteger("maximum_age", 0, 130), p.minuteOfDay("start_time"), p.minuteOfDay("end_time"),
					null));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
		Service service = this.records.find(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no service with the id " + id));
		if (service.isWithdrawn()) {
			throw new ApiProblem(HttpStatus.GONE, "The service " + id + " has been withdrawn by its publisher");
		}
		Map<String, Object> record = this.records.full(service);
		return ResponseEntity.ok().lastModified(this.records.lastChanged(service)).body(record);
	}

}
