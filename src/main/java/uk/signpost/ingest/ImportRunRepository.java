package uk.signpost.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores import reports and their problems. */
@Repository
public class ImportRunRepository {

	/**
	 * Enough to find the pattern in a broken feed, without letting one feed fill the
	 * database.
	 */
	static final int MAX_PROBLEMS_STORED = 5000;

	private final JdbcTemplate jdbc;

	ImportRunRepository(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	ImportReport save(ImportReport report) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement("""
					INSERT INTO import_run (publisher_id, source, full_feed, started_at, finished_at, outcome,
					  services_read, services_created, services_updated, services_unchanged, services_withdrawn,
					  services_skipped, services_repeated, services_held_back, organizations_written, locations_written,
					  taxonomy_terms_written, failure)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] { "id" });
			int i = 1;
			statement.setString(i++, report.publisherId());
			statement.setString(i++, truncate(report.source(), 2048));
			statement.setBoolean(i++, report.fullFeed());
			statement.setObject(i++, DirectoryWriter.utc(report.startedAt()));
			statement.setObject(i++, DirectoryWriter.utc(report.finishedAt()));
			statement.setString(i++, report.outcome().name());
			statement.setInt(i++, report.servicesRead());
			statement.setInt(i++, report.servicesCreated());
			statement.setInt(i++, report.servicesUpdated());
			statement.setInt(i++, report.servicesUnchanged());
			statement.setInt(i++, report.servicesWithdrawn());
			statement.setInt(i++, report.servicesSkipped());
			statement.setInt(i++, report.servicesRepeated());
			statement.setInt(i++, report.servicesHeldBack());
			statement.setInt(i++, report.organizationsWritten());
			statement.setInt(i++, report.locationsWritten());
			statement.setInt(i++, report.taxonomyTermsWritten());
			statement.setString(i, truncate(report.failure(), 20000));
			return statement;
		}, key);
		long id = key.getKey().longValue();
		List<Object[]> problems = report.problems()
			.stream()
			.limit(MAX_PROBLEMS_STORED)
			.map(p -> new Object[] { id, p.severity().name(), truncate(p.recordId(), 500), truncate(p.path(), 2048),
					truncate(p.reason(), 20000) })
			.toList();
		this.jdbc.batchUpdate(
				"INSERT INTO import_problem (import_run_id, severity, record_id, json_path, reason) VALUES (?, ?, ?, ?, ?)",
				problems);
		return withId(report, id);
	}

	public Optional<ImportReport> findLatest(String publisherId) {
		return this.jdbc
			.query("SELECT * FROM import_run WHERE publisher_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY",
					(rs, n) -> read(rs), publisherId)
			.stream()
			.findFirst();
	}

	/**
	 * One import as the workspace lists it: what it did, and how many problems it found.
	 */
	public record Summary(long id, Instant startedAt, ImportReport.Outcome outcome, boolean fullFeed, int created,
			int updated, int unchanged, int withdrawn, int skipped, int problems, String failure) {
	}

	/** A publisher's latest imports, newest first, without reading their problems. */
	public List<Summary> recent(String publisherId, int limit) {
		return this.jdbc.query("""
				SELECT r.*, (SELECT COUNT(*) FROM import_problem p WHERE p.import_run_id = r.id) AS problems
				FROM import_run r WHERE r.publisher_id = ? ORDER BY r.id DESC FETCH FIRST ? ROWS ONLY""",
				(rs, n) -> new Summary(rs.getLong("id"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
						ImportReport.Outcome.valueOf(rs.getString("outcome")), rs.getBoolean("full_feed"),
						rs.getInt("services_created"), rs.getInt("services_updated"), rs.getInt("services_unchanged"),
						rs.getInt("services_withdrawn"), rs.getInt("services_skipped"), rs.getInt("problems"),
						rs.getString("failure")),
				publisherId, limit);
	}

	public List<ImportReport> findAll() {
		return this.jdbc.query("SELECT * FROM import_run ORDER BY id", (rs, n) -> read(rs));
	}

	private ImportReport read(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<Problem> problems = this.jdbc.query(
				"SELECT severity, record_id, json_path, reason FROM import_problem WHERE import_run_id = ? ORDER BY id",
				(p, n) -> new Problem(Problem.Severity.valueOf(p.getString(1)), p.getString(2), p.getString(3),
						p.getString(4)),
				id);
		return new ImportReport(id, rs.getString("publisher_id"), rs.getString("source"), rs.getBoolean("full_feed"),
				rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
				ImportReport.Outcome.valueOf(rs.getString("outcome")), rs.getInt("services_read"),
				rs.getInt("services_created"), rs.getInt("services_updated"), rs.getInt("services_unchanged"),
				rs.getInt("services_withdrawn"), rs.getInt("services_skipped"), rs.getInt("services_repeated"),
				rs.getInt("services_held_back"), rs.getInt("organizations_written"), rs.getInt("locations_written"),
				rs.getInt("taxonomy_terms_written"), rs.getString("failure"), problems);
	}

	private static ImportReport withId(ImportReport r, long id) {
		return new ImportReport(id, r.publisherId(), r.source(), r.fullFeed(), r.startedAt(), r.finishedAt(),
				r.outcome(), r.servicesRead(), r.servicesCreated(), r.servicesUpdated(), r.servicesUnchanged(),
				r.servicesWithdrawn(), r.servicesSkipped(), r.servicesRepeated(), r.servicesHeldBack(),
				r.organizationsWritten(), r.locationsWritten(), r.taxonomyTermsWritten(), r.failure(), r.problems());
	}

	/** Problems quote the feed, which may hold characters a database refuses (NUL). */
	private static String truncate(String text, int max) {
		if (text == null) {
			return null;
		}
		String clean = FieldReader.clean(text);
		return clean.length() <= max ? clean : clean.substring(0, max);
	}

}
