package uk.signpost.ingest;

/**
 * Something wrong in a feed. An error skips the record it is in; a warning keeps the
 * record without the bad value. path is a JSON path into the file, such as
 * $.contents[3].minimum_age.
 */
public record Problem(Severity severity, String recordId, String path, String reason) {

	public enum Severity {

		ERROR, WARNING

	}

	static Problem error(String recordId, String path, String reason) {
		return new Problem(Severity.ERROR, recordId, path, reason);
	}

	static Problem warning(String recordId, String path, String reason) {
		return new Problem(Severity.WARNING, recordId, path, reason);
	}

	public boolean isError() {
		return this.severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return this.severity + " " + (this.recordId == null ? "" : "record " + this.recordId + " ") + "at " + this.path
				+ ": " + this.reason;
	}

}
