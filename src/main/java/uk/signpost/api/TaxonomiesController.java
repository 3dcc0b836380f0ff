package uk.signpost.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** ORUK's /taxonomies and /taxonomy_terms: every publisher's, a page at a time. */
@RestController
@RequestMapping("/api")
@CrossOrigin(methods = RequestMethod.GET)
class TaxonomiesController {

	private final OrukRecords records;

	TaxonomiesController(OrukRecords records) {
		this.records = records;
	}

	@GetMapping("/taxonomies")
	Map<String, Object> taxonomies(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		OrukRecords.IdPage found = this.records.page("taxonomy", null, page, perPage);
		return ApiPage.of(found.total(), page, perPage, this.records.taxonomies(found.ids(), false));
	}

	@GetMapping("/taxonomies/{id}")
	Map<String, Object> taxonomy(@PathVariable String id) {
		List<Map<String, Object>> found = this.records.taxonomies(List.of(id), true);
		if (found.isEmpty()) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no taxonomy with the id " + id);
		}
		return found.get(0);
	}

	@GetMapping("/taxonomy_terms")
	Map<String, Object> terms(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		OrukRecords.IdPage found = this.records.page("taxonomy_term", null, page, perPage);
		return ApiPage.of(found.total(), page, perPage, this.records.terms(found.ids()));
	}

	@GetMapping("/taxonomy_terms/{id}")
	Map<String, Object> term(@PathVariable String id) {
		List<Map<String, Object>> found = this.records.terms(List.of(id));
		if (found.isEmpty()) {
			throw new ApiProblem(HttpStatus.NOT_FOUND, "There is no taxonomy term with the id " + id);
		}
		return found.get(0);
	}

}
