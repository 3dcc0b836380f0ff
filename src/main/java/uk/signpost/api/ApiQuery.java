package uk.signpost.api;

import uk.signpost.search.ApiFilters;
import uk.signpost.search.ServiceQuery;

/**
 * What an API list request asks: the search the pages also run (words, day, place) and
 * ORUK's own filters.
 */
record ApiQuery(ServiceQuery query, ApiFilters filters) {

	/** True when it asks for every findable service. */
	boolean everything() {
		return this.query.text() == null && !this.query.filters().any() && this.query.near() == null
				&& !this.filters.any();
	}

	ApiQuery with(ServiceQuery query) {
		return new ApiQuery(query, this.filters);
	}

	ApiQuery with(ApiFilters filters) {
		return new ApiQuery(this.query, filters);
	}

}
