package uk.signpost.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What an import did, kept in the import_run table for every run, failed ones too. */
public record ImportReport(Long id, String publisherId, String source, boolean fullFeed, Instant startedAt,
		Instant finishedAt, Outcome outcome, int servicesRead, int servicesCreated, int servicesUpdated,
		int servicesUnchanged, int servicesWithdrawn, int servicesSkipped, int servicesRepeated, int servicesHeldBack,
		int organizationsWritten, int locationsWritten, int taxonomyTermsWritten, String failure,
		List<Problem> problems) {

	/** Why a folder's sub-folder was not read: only the .json files in it are. */
	static final String FOLDER_SKIPPED = "a folder inside the one given; skipped, as only the .json files directly in"
			+ " the folder given are read";

	static final String FILE_SKIPPED = "not a .json file; skipped";

	/**
	 * How a warning about a service whose id an earlier record in the feed had starts.
	 */
	static final String REPEATED_ID = "the same service id as the record at ";

	/** Whether a problem is a service id the feed repeats (data quality's "unique"). */
	public static boolean repeatedId(Problem problem) {
		return problem.reason() != null && problem.reason().startsWith(REPEATED_ID);
	}

	public enum Outcome {

		SUCCEEDED, FAILED

	}

	public boolean succeeded() {
		return this.outcome == Outcome.SUCCEEDED;
	}

	public Duration duration() {
		return Duration.between(this.startedAt, this.finishedAt);
	}

	public long errorCount() {
		return this.problems.stream().filter(Problem::isError).count();
	}

	public long warningCount() {
		return this.problems.size() - errorCount();
	}

	/**
	 * Whether anything reached the directory, so a failed run may still have changed it.
	 */
	public boolean wroteAnything() {
		return this.servicesCreated + this.servicesUpdated + this.servicesWithdrawn + this.organizationsWritten
				+ this.locationsWritten + this.taxonomyTermsWritten > 0;
	}

	/** The files and folders of the folder given that were not read, by name. */
	public List<String> skippedFiles() {
		return this.problems.stream()
			.filter(p -> p.recordId() == null && (FOLDER_SKIPPED.equals(p.reason()) || FILE_SKIPPED.equals(p.reason())))
			.map(Problem::path)
			.toList();
	}

	/**
	 * A few lines for people: the CLI prints this, and the log records it. The service
	 * lines add up to the services read.
	 */
	public String summary() {
		StringBuilder text = new StringBuilder();
		text.append("Import of ").append(this.source).append(" for publisher ").append(this.publisherId);
		if (!succeeded()) {
			text.append(" FAILED: ").append(this.failure);
			if (!wroteAnything()) {
				text.append("\nNothing was changed.");
				return text.toString();
			}
			text.append("\nBefore it failed, these were written and are in the directory and its search index;")
				.append(" nothing was withdrawn. Running the import again completes it.\n");
		}
		else {
			text.append(" finished in ").append(this.duration().toMillis()).append(" ms\n");
		}
		List<String> skipped = skippedFiles();
		if (!skipped.isEmpty()) {
			text.append(String.format("  files not read:     %d (%s; only .json files are)%n", skipped.size(),
					FieldReader.abbreviate(String.join(", ", skipped))));
		}
		text.append(String.format("  services read:      %d%n", this.servicesRead));
		text.append(String.format("  created:            %d%n", this.servicesCreated));
		text.append(String.format("  updated:            %d%n", this.servicesUpdated));
		text.append(String.format("  unchanged:          %d%n", this.servicesUnchanged));
		text.append(String.format("  skipped (invalid):  %d%n", this.servicesSkipped));
		if (this.servicesRepeated > 0) {
			text.append(String.format("  repeated (same id): %d%n", this.servicesRepeated));
		}
		int accounted = this.servicesCreated + this.servicesUpdated + this.servicesUnchanged + this.servicesSkipped
				+ this.servicesRepeated;
		if (accounted != this.servicesRead) {
			text.append(String.format("  not written:        %d (the run stopped before them)%n",
					this.servicesRead - accounted));
		}
		text.append(String.format("  withdrawn:          %d%n", this.servicesWithdrawn));
		if (this.servicesHeldBack > 0) {
			text.append(String.format("  held back, not withdrawn: %d (see the warning)%n", this.servicesHeldBack));
		}
		text.append(String.format("  organisations, locations, taxonomy terms written: %d, %d, %d%n",
				this.organizationsWritten, this.locationsWritten, this.taxonomyTermsWritten));
		text.append(String.format("  errors: %d, warnings: %d", errorCount(), warningCount()));
		return text.toString();
	}

}
