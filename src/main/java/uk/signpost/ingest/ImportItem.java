package uk.signpost.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What one JSON record in a feed turns into. A service brings its organisation, locations
 * and taxonomy terms along; an organisation file may bring its services; a taxonomy file
 * its terms.
 */
final class ImportItem {

	final List<Aggregate> services = new ArrayList<>();

	final List<Aggregate> organizations = new ArrayList<>();

	final List<Aggregate> locations = new ArrayList<>();

	final List<Row> taxonomies = new ArrayList<>();

	final List<Row> taxonomyTerms = new ArrayList<>();

	/** Service source ids that were read but had errors, so were skipped. */
	final List<String> skippedServices = new ArrayList<>();

	final List<Problem> problems = new ArrayList<>();

	/** Where the record is in the feed, such as services.json $.contents[3]. */
	String path;

	/**
	 * Services an earlier record in the same feed had: applied over it, and counted as
	 * repeated (ADR 0011).
	 */
	final java.util.Set<String> repeated = new java.util.HashSet<>();

	int repeatedServices;

}
