package uk.signpost.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import uk.signpost.directory.Validity;

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

	/**
	 * A --modified-after value: a date (2026-11-01), from the start of that day in the
	 * UK, which is never later than its start in UTC, so nothing changed that day is
	 * missed; or a date and time with its offset (2026-11-01T09:00:00Z or +01:00).
	 * IllegalArgumentException says in one line what it takes.
	 */
	static Instant modifiedAfter(String text) {
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(Validity.UK).toInstant();
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("--modified-after takes a date such as 2026-11-01 (from the start of"
					+ " that day, UK time) or a date and time with its offset such as 2026-11-01T09:00:00Z, not '"
					+ text + "'");
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
