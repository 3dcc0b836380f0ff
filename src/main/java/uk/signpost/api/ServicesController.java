package uk.signpost.api;

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

import uk.signpost.search.ApiFilters;
import uk.signpost.search.Filter;
import uk.signpost.search.SearchResult;
import uk.signpost.search.ServiceLists;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

/** ORUK's /services: a page at a time from the search engine, or one whole record. */
@RestController
@RequestMapping("/api/services")
@CrossOrigin(methods = RequestMethod.GET)
class ServicesController {

	private final OrukRecords records;

	private final ServiceSearch search;

	private final FindableServices findable;

	private final ServiceLists lists;

	ServicesController(OrukRecords records, ServiceSearch search, ServiceLists lists, FindableServices findable) {
		this.lists = lists;
		this.records = records;
		this.search = search;
		this.findable = findable;
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
		ApiQuery query = filters(p, this.search);
		p.failIfInvalid();
		long total;
		List<String> ids;
		if (query.everything()) {
			List<String> all = this.findable.snapshot().ids();
			int from = (int) Math.min(all.size(), (long) (page - 1) * perPage);
			ids = all.subList(from, Math.min(all.size(), from + perPage));
			total = all.size();
		}
		else {
			SearchResult result = this.lists.list(query.query(), query.filters(), (page - 1) * perPage, perPage);
			ids = result.hits().stream().map(SearchResult.Hit::id).toList();
			total = result.total();
		}
		return ApiPage.of(total, page, perPage, full ? this.records.full(ids) : this.records.summaries(ids));
	}

	/**
	 * The filters /services and /service_at_locations share, as a search; bad values are
	 * collected in p.
	 */
	static ApiQuery filters(ApiParameters p, ServiceSearch search) {
		String text = p.text("search");
		ServiceSearch.Words words = text == null ? null : search.words(text);
		if (words != null && words.capped()) {
			// Said, not cut silently: a client would take a page of the first words'
			// matches for an answer to all of them.
			p.problem("search may have at most " + ServiceSearch.MOST_WORDS
					+ " words (filler words such as \"help\" not counted), not " + words.count());
		}
		return new ApiQuery(ServiceQuery.ALL.text(text).with(Filter.DAY, p.day("day")).exact(true),
				new ApiFilters(p.text("taxonomy_term_id"), p.text("taxonomy_id"), p.text("organization_id"),
						p.instant("modified_after"), p.optionalInteger("minimum_age", 0, 130),
						p.optionalInteger("maximum_age", 0, 130), p.minuteOfDay("start_time"),
						p.minuteOfDay("end_time")));
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
		switch (this.records.presence("service", id)) {
			case MISSING -> throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no service with the id " + id);
			case WITHDRAWN ->
				throw new ApiProblem(HttpStatus.GONE, "The service " + id + " has been withdrawn by its publisher");
			default -> {
			}
		}
		return ResponseEntity.ok()
			.lastModified(this.records.lastChanged(id))
			.body(this.records.full(List.of(id)).get(0));
	}

}
