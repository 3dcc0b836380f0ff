package uk.signpost.api;

import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.directory.Taxonomy;
import uk.signpost.directory.TaxonomyRepository;
import uk.signpost.directory.TaxonomyTerm;
import uk.signpost.directory.TaxonomyTermRepository;

/** ORUK's /taxonomies and /taxonomy_terms: every publisher's, a page at a time. */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@CrossOrigin(methods = RequestMethod.GET)
class TaxonomiesController {

	private final TaxonomyRepository taxonomies;

	private final TaxonomyTermRepository terms;

	private final OrukRecords records;

	TaxonomiesController(TaxonomyRepository taxonomies, TaxonomyTermRepository terms, OrukRecords records) {
		this.taxonomies = taxonomies;
		this.terms = terms;
		this.records = records;
	}

	@GetMapping("/taxonomies")
	Map<String, Object> taxonomies(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		Page<Taxonomy> found = this.taxonomies.findAllBy(PageRequest.of(page - 1, perPage, Sort.by("id")));
		return ApiPage.of(found.getTotalElements(), page, perPage,
				found.map(taxonomy -> this.records.taxonomy(taxonomy, null)).getContent());
	}

	@GetMapping("/taxonomies/{id}")
	Map<String, Object> taxonomy(@PathVariable String id) {
		Taxonomy taxonomy = this.taxonomies.findById(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no taxonomy with the id " + id));
		return this.records.taxonomy(taxonomy, this.terms.findByTaxonomyId(id));
	}

	@GetMapping("/taxonomy_terms")
	Map<String, Object> terms(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		p.failIfInvalid();
		Page<TaxonomyTerm> found = this.terms.findAllBy(PageRequest.of(page - 1, perPage, Sort.by("id")));
		return ApiPage.of(found.getTotalElements(), page, perPage, found.map(this.records::term).getContent());
	}

	@GetMapping("/taxonomy_terms/{id}")
	Map<String, Object> term(@PathVariable String id) {
		return this.records.term(this.terms.findById(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no taxonomy term with the id " + id)));
	}

}
