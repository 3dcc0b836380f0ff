package uk.signpost.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The state of one import while it runs: what it has written and what it found wrong. */
final class ImportRun {

	final String publisherId;

	final Instant startedAt;

	final Set<String> services = new HashSet<>();

	final Set<String> organizations = new HashSet<>();

	final Set<String> locations = new HashSet<>();

	final Set<String> taxonomies = new HashSet<>();

	final Set<String> taxonomyTerms = new HashSet<>();

	final List<Problem> problems = new ArrayList<>();

	int recordsRead;

	int servicesRead;

	int servicesCreated;

	int servicesUpdated;

	int servicesUnchanged;

	int servicesWithdrawn;

	int servicesSkipped;

	int organizationsWritten;

	int locationsWritten;

	int taxonomyTermsWritten;

	ImportRun(String publisherId, Instant startedAt) {
		this.publisherId = publisherId;
		this.startedAt = startedAt;
	}

}
