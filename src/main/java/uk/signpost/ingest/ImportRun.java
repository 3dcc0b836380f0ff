package uk.signpost.ingest;

import java.time.Instant;

/**
 * The state of one import while it runs: what it has written so far, and what it read and
 * found wrong.
 */
final class ImportRun extends Written {

	final String publisherId;

	final Instant startedAt;

	int recordsRead;

	int servicesRead;

	int servicesWithdrawn;

	int servicesSkipped;

	int servicesRepeated;

	int servicesHeldBack;

	ImportRun(String publisherId, Instant startedAt) {
		this.publisherId = publisherId;
		this.startedAt = startedAt;
	}

}
