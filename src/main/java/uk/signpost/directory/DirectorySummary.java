package uk.signpost.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the directory holds, publisher by publisher, as the start page tells it. */
public record DirectorySummary(long services, long organisations, long locations, List<PublisherLine> publishers) {

	public record PublisherLine(String name, long services, Instant lastImportedAt) {
	}

	/** Reads the summary from the directory's tables, which only this feature names. */
	@Component
	public static class Reader {

		private final JdbcTemplate jdbc;

		Reader(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		public DirectorySummary read() {
			List<PublisherLine> publishers = this.jdbc.query(
					"""
							SELECT p.name, p.last_imported_at,
							  (SELECT COUNT(*) FROM service s WHERE s.publisher_id = p.id AND s.withdrawn_at IS NULL) AS services
							FROM publisher p ORDER BY p.name""",
					(rs, n) -> {
						OffsetDateTime imported = rs.getObject("last_imported_at", OffsetDateTime.class);
						return new PublisherLine(rs.getString("name"), rs.getLong("services"),
								imported == null ? null : imported.toInstant());
					});
			return new DirectorySummary(count("service"), count("organization"), count("location"), publishers);
		}

		private long count(String table) {
			Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE withdrawn_at IS NULL",
					Long.class);
			return count == null ? 0 : count;
		}

	}

}
