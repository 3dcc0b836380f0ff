package uk.signpost.ingest;

/**
 * A feed that cannot be read at all: malformed JSON, a truncated download, an HTTP error,
 * a time-out.
 */
public class FeedException extends RuntimeException {

	public FeedException(String message) {
		super(message);
	}

	public FeedException(String message, Throwable cause) {
		super(message, cause);
	}

}
