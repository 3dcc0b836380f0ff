package uk.signpost.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/** Where an import reads from: files on disk, or a publisher's ORUK API. */
public sealed interface FeedSource {

	String describe();

	/**
	 * Whether the source holds the publisher's whole directory, so missing services are
	 * withdrawn.
	 */
	boolean isFull();

	/** A JSON file, or a folder of them (read in name order). */
	record Files(Path path) implements FeedSource {

		@Override
		public String describe() {
			return this.path.toString();
		}

		@Override
		public boolean isFull() {
			return true;
		}

	}

	/**
	 * The base URL of an ORUK API; with modifiedAfter, only what changed since (never
	 * withdraws).
	 */
	record Api(URI baseUrl, Instant modifiedAfter) implements FeedSource {

		@Override
		public String describe() {
			return this.baseUrl + (this.modifiedAfter == null ? "" : " (modified after " + this.modifiedAfter + ")");
		}

		@Override
		public boolean isFull() {
			return this.modifiedAfter == null;
		}

	}

	/** Reads a command-line argument: anything starting http:// or https:// is an API. */
	static FeedSource parse(String text) {
		if (text.startsWith("http://") || text.startsWith("https://")) {
			return new Api(URI.create(text), null);
		}
		return new Files(Path.of(text));
	}

}
