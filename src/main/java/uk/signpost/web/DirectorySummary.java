package uk.signpost.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** What the directory holds, publisher by publisher: the start page's view model. */
record DirectorySummary(long services, long organisations, long locations, List<PublisherLine> publishers) {

	record PublisherLine(String name, long services, Instant lastImportedAt) {
	}

	static DirectorySummary read(JdbcTemplate jdbc) {
		List<PublisherLine> publishers = jdbc.query("""
				SELECT p.name, p.last_imported_at,
				  (SELECT COUNT(*) FROM service s WHERE s.publisher_id = p.id AND s.withdrawn_at IS NULL) AS services
				FROM publisher p ORDER BY p.name""", (rs, n) -> {
			OffsetDateTime imported = rs.getObject("last_imported_at", OffsetDateTime.class);
			return new PublisherLine(rs.getString("name"), rs.getLong("services"),
					imported == null ? null : imported.toInstant());
		});
		return new DirectorySummary(count(jdbc, "service"), count(jdbc, "organization"), count(jdbc, "location"),
				publishers);
	}

	private static long count(JdbcTemplate jdbc, String table) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE withdrawn_at IS NULL", Long.class);
		return count == null ? 0 : count;
	}

}
