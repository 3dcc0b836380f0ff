package uk.signpost.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	/**
	 * The lists each record written has been given so far by this import, which later
	 * copies may not replace (ADR 0011). Sets are shared: most records give the same.
	 */
	final Map<String, Set<String>> given = new HashMap<>();

	private static final Map<Set<String>, Set<String>> SHARED = new ConcurrentHashMap<>();

	/** Notes the lists this copy gives, besides those given before (or null). */
	void given(Aggregate copy, Set<String> before) {
		Set<String> lists = new HashSet<>(copy.lists().keySet());
		if (before != null) {
			lists.addAll(before);
		}
		Set<String> key = Set.copyOf(lists);
		this.given.put(copy.id(), SHARED.computeIfAbsent(key, k -> k));
	}

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
		this.given.putAll(written.given);
		this.servicesCreated += written.servicesCreated;
		this.servicesUpdated += written.servicesUpdated;
		this.servicesUnchanged += written.servicesUnchanged;
		this.organizationsWritten += written.organizationsWritten;
		this.locationsWritten += written.locationsWritten;
		this.taxonomyTermsWritten += written.taxonomyTermsWritten;
	}

}
