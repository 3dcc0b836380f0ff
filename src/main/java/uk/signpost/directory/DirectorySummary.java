package uk.signpost.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the directory holds, publisher by publisher, as the start page tells it: findable
 * services (the same ones a search finds), and the organisations and places in use.
 */
public record DirectorySummary(long services, long organisations, long locations, List<PublisherLine> publishers) {

	public record PublisherLine(String id, String name, long services, Instant lastImportedAt) {
	}

	/** A town and one of its postcodes, as the directory writes them. */
	public record Example(String town, String postcode) {
	}

	/** Reads the summary from the directory's tables, which only this feature names. */
	@Component
	public static class Reader {

		private final JdbcTemplate jdbc;

		private final DirectoryStamp stamp;

		private final Kept<Known> known = new Kept<>(this::readKnown);

		private final Kept<DirectorySummary> summary = new Kept<>(this::count);

		Reader(JdbcTemplate jdbc, DirectoryStamp stamp) {
			this.jdbc = jdbc;
			this.stamp = stamp;
		}

		/**
		 * A value read from the tables and kept while the stamp stays the same: read
		 * again after a change here ({@link #changed()}) or once the stamp moves (a
		 * change on another node).
		 */
		private final class Kept<T> {

			private record Value<T>(T value, Object stamp) {
			}

			private final Supplier<T> read;

			private volatile Value<T> kept;

			Kept(Supplier<T> read) {
				this.read = read;
			}

			T get() {
				Value<T> kept = this.kept;
				// The stamp before the read: a change during it reads again next time.
				Object stamp = Reader.this.stamp.current();
				if (kept == null || !kept.stamp().equals(stamp)) {
					kept = new Value<>(this.read.get(), stamp);
					this.kept = kept;
				}
				return kept.value();
			}

			void forget() {
				this.kept = null;
			}

		}

		/**
		 * The summary as of the last change: the counts scan every service, so they are
		 * read once after each change (an import on this node, or one on another that
		 * moves the stamp) rather than on every start page.
		 */
		public DirectorySummary read() {
			return this.summary.get();
		}

		private DirectorySummary count() {
			List<PublisherLine> publishers = this.jdbc.query("SELECT p.id, p.name, p.last_imported_at, "
					+ "(SELECT COUNT(*) FROM service s WHERE s.publisher_id = p.id AND " + Service.FINDABLE
					+ ") AS services FROM publisher p ORDER BY p.name", (rs, n) -> {
						OffsetDateTime imported = rs.getObject("last_imported_at", OffsetDateTime.class);
						return new PublisherLine(rs.getString("id"), rs.getString("name"), rs.getLong("services"),
								imported == null ? null : imported.toInstant());
					});
			Long services = this.jdbc.queryForObject("SELECT COUNT(*) FROM service s WHERE " + Service.FINDABLE,
					Long.class);
			return new DirectorySummary(services == null ? 0 : services, count("organization"), count("location"),
					List.copyOf(publishers));
		}

		/**
		 * What every page may ask of the directory, read once after each change rather
		 * than on every page: the towns most findable services have venues in, most
		 * first, each with a postcode there (for "For example, PR1 2HE or Preston" hints
		 * that match the data loaded, and for saying what area the directory covers), and
		 * the publishers with findable services.
		 */
		private record Known(List<Example> towns, Set<String> publisherIds) {
		}

		private Known readKnown() {
			return new Known(List.copyOf(this.jdbc.query(
					"SELECT a.city, MIN(a.postal_code) AS postcode, COUNT(DISTINCT s.id) AS services FROM service s "
							+ "JOIN service_at_location sal ON sal.service_id = s.id "
							+ "JOIN address a ON a.location_id = sal.location_id "
							+ "WHERE a.city IS NOT NULL AND a.postal_code IS NOT NULL AND " + Service.FINDABLE
							+ " GROUP BY a.city ORDER BY services DESC, a.city FETCH FIRST 5 ROWS ONLY",
					(rs, n) -> new Example(rs.getString("city").strip(), rs.getString("postcode").strip()))),
					Set.copyOf(this.jdbc.queryForList(
							"SELECT DISTINCT s.publisher_id FROM service s WHERE " + Service.FINDABLE, String.class)));
		}

		private Known known() {
			return this.known.get();
		}

		/** The towns most findable services have venues in, most first, at most five. */
		public List<Example> towns() {
			return known().towns();
		}

		/** The town with the most services, or null when no venue has a town. */
		public Example example() {
			List<Example> towns = towns();
			return towns.isEmpty() ? null : towns.get(0);
		}

		/** The publishers with findable services, by id. */
		public Set<String> publisherIds() {
			return known().publisherIds();
		}

		/**
		 * Read again after the next change: an import may bring other towns and counts
		 * (one on another node shows in the stamp).
		 */
		@org.springframework.context.event.EventListener(DirectoryChanged.class)
		void changed() {
			this.known.forget();
			this.summary.forget();
		}

		private long count(String table) {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE withdrawn_at IS NULL",
					Long.class);
			return count == null ? 0 : count;
		}

	}

}
