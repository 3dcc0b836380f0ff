package uk.signpost.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What was written: by one batch, returned by the writer, or by a whole run so far, to
 * which each batch's is added once its transaction has committed.
 */
class Written {

	final Set<String> services = new HashSet<>();

	final Set<String> organizations = new HashSet<>();

	final Set<String> locations = new HashSet<>();

	final Set<String> taxonomies = new HashSet<>();

	final Set<String> taxonomyTerms = new HashSet<>();

	final List<Problem> problems = new ArrayList<>();

	int servicesCreated;

	int servicesUpdated;

	int servicesUnchanged;

	int organizationsWritten;

	int locationsWritten;

	int taxonomyTermsWritten;

	void add(Written written) {
		this.services.addAll(written.services);
		this.organizations.addAll(written.organizations);
		this.locations.addAll(written.locations);
		this.taxonomies.addAll(written.taxonomies);
		this.taxonomyTerms.addAll(written.taxonomyTerms);
		this.problems.addAll(written.problems);
		this.servicesCreated += written.servicesCreated;
		this.servicesUpdated += written.servicesUpdated;
		this.servicesUnchanged += written.servicesUnchanged;
		this.organizationsWritten += written.organizationsWritten;
		this.locationsWritten += written.locationsWritten;
		this.taxonomyTermsWritten += written.taxonomyTermsWritten;
	}

}
