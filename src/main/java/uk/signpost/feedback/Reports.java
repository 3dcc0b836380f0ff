package uk.signpost.feedback;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.signpost.directory.ReportedProblems;
import uk.signpost.directory.Service;
import uk.signpost.staff.Audit;
import uk.signpost.staff.Staff;

/**
 * Problem reports and what happened to each (feedback and feedback_event): storing a
 * resident's report, the workspace's queue, and staff's changes. Each staff change is
 * written to its history and to the audit log in one transaction; the audit's detail is
 * never free text, so a resident's email cannot reach it.
 */
@Component
class Reports implements ReportedProblems {

	/**
	 * A report as the workspace shows it. email is null when none was given or it is
	 * erased.
	 */
	record Report(long id, String serviceId, String serviceName, String publisherId, String publisherName,
			String problem, String correction, String email, ReportState state, Long assignedTo, String assignedName,
			String reason, Instant createdAt, Instant closedAt) {
	}

	/** One line of a report's history; who is null for what Signpost itself did. */
	record Event(Instant at, String who, String kind, String status, String text) {
	}

	/** A publisher with reports, for the queue's filter. */
	record PublisherName(String id, String name) {
	}

	private static final String REPORT = """
			SELECT f.*, s.name AS service_name, p.name AS publisher_name, a.name AS assigned_name
			FROM feedback f LEFT JOIN service s ON s.id = f.service_id
			LEFT JOIN publisher p ON p.id = f.publisher_id
			LEFT JOIN staff_account a ON a.id = f.assigned_to
			""";

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final Audit audit;

	Reports(JdbcTemplate jdbc, ApplicationEventPublisher events, Audit audit) {
		this.jdbc = jdbc;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Stores a resident's report and, in the same transaction, asks for it to be routed.
	 */
	@Transactional
	long receive(Service service, ReportForm form, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"INSERT INTO feedback (service_id, publisher_id, problem, correction, email, created_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			insert.setString(1, service.id());
			insert.setString(2, service.publisherId());
			insert.setString(3, form.problem());
			insert.setString(4, form.correction());
			insert.setString(5, form.email());
			insert.setObject(6, utc(now));
			return insert;
		}, key);
		long id = key.getKey().longValue();
		event(id, null, "received", ReportState.NEW.key, null, now);
		this.events.publishEvent(new ReportReceived(id));
		return id;
	}

	Optional<Report> find(long id) {
		return this.jdbc.query(REPORT + "WHERE f.id = ?", this::report, id).stream().findFirst();
	}

	/**
	 * The reports in a filter that scope lets a person see (null: every publisher),
	 * newest first.
	 */
	List<Report> queue(ReportFilter filter, Set<String> scope, Instant now, int offset, int limit) {
		List<Object> args = new ArrayList<>();
		String where = where(filter, scope, now, args);
		args.add(offset);
		args.add(limit);
		return this.jdbc.query(
				REPORT + where + " ORDER BY f.created_at DESC, f.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				this::report, args.toArray());
	}

	/** How many reports in a filter are in each state, every state named. */
	Map<ReportState, Long> counts(ReportFilter filter, Set<String> scope, Instant now) {
		List<Object> args = new ArrayList<>();
		String where = where(filter.anyState(), scope, now, args);
		Map<ReportState, Long> counts = new LinkedHashMap<>();
		for (ReportState state : ReportState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("SELECT f.status, COUNT(*) FROM feedback f " + where + " GROUP BY f.status", rs -> {
			ReportState state = ReportState.parse(rs.getString(1));
			if (state != null) {
				counts.put(state, rs.getLong(2));
			}
		}, args.toArray());
		return counts;
	}

	private static String where(ReportFilter filter, Set<String> scope, Instant now, List<Object> args) {
		List<String> clauses = new ArrayList<>();
		if (scope != null) {
			clauses.add(in("f.publisher_id", scope, args));
		}
		if (!ReportFilter.ALL.equals(filter.state())) {
			clauses.add(in("f.status", filter.states(), args));
		}
		if (filter.publisher() != null) {
			clauses.add("f.publisher_id = ?");
			args.add(filter.publisher());
		}
		if (filter.problem() != null) {
			clauses.add("f.problem = ?");
			args.add(filter.problem());
		}
		if (filter.after(now) != null) {
			clauses.add("f.created_at >= ?");
			args.add(utc(filter.after(now)));
		}
		if (filter.before(now) != null) {
			clauses.add("f.created_at < ?");
			args.add(utc(filter.before(now)));
		}
		return clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses);
	}

	private static String in(String column, java.util.Collection<String> values, List<Object> args) {
		if (values.isEmpty()) {
			return "1 = 0";
		}
		args.addAll(values);
		return column + " IN (" + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
	}

	/** The publishers with reports that scope lets a person see, by name. */
	List<PublisherName> publishers(Set<String> scope) {
		List<Object> args = new ArrayList<>();
		String where = scope == null ? "" : "WHERE " + in("f.publisher_id", scope, args);
		return this.jdbc.query(
				"SELECT DISTINCT f.publisher_id, COALESCE(p.name, f.publisher_id) AS name FROM feedback f "
						+ "LEFT JOIN publisher p ON p.id = f.publisher_id " + where + " ORDER BY name",
				(rs, n) -> new PublisherName(rs.getString(1), rs.getString(2)), args.toArray());
	}

	List<Event> history(long id) {
		return this.jdbc.query("""
				SELECT e.at, a.name, a.organisation, e.kind, e.status, e.text FROM feedback_event e
				LEFT JOIN staff_account a ON a.id = e.account_id WHERE e.feedback_id = ? ORDER BY e.at, e.id""",
				(rs, n) -> new Event(instant(rs.getTimestamp(1)),
						rs.getString(2) == null ? null
								: rs.getString(3) == null || rs.getString(3).isBlank() ? rs.getString(2)
										: rs.getString(2) + ", " + rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6)),
				id);
	}

	/**
	 * Moves a report on; false when it had already moved (another person got there first)
	 * or may not go there. Closing it asks for the resident to be told.
	 */
	@Transactional
	boolean changeState(Report report, ReportState to, String reason, Staff staff, Instant now) {
		if (!report.state().next().contains(to)) {
			return false;
		}
		int changed = this.jdbc.update(
				"UPDATE feedback SET status = ?, reason = ?, closed_at = ? WHERE id = ? AND status = ?", to.key,
				to == ReportState.NO_CHANGE ? reason : null, to.isOpen() ? null : utc(now), report.id(),
				report.state().key);
		if (changed == 0) {
			return false;
		}
		event(report.id(), staff.id(), "state", to.key, to == ReportState.NO_CHANGE ? reason : null, now);
		this.audit.record(staff, "report-state", "report", String.valueOf(report.id()), to.key);
		if (!to.isOpen()) {
			this.events.publishEvent(new ReportClosed(report.id()));
		}
		return true;
	}

	/** Gives a report to a person (null: to nobody). */
	@Transactional
	void assign(Report report, Long accountId, String name, Staff staff, Instant now) {
		this.jdbc.update("UPDATE feedback SET assigned_to = ? WHERE id = ?", accountId, report.id());
		event(report.id(), staff.id(), accountId == null ? "unassigned" : "assigned", null, name, now);
		this.audit.record(staff, accountId == null ? "report-unassigned" : "report-assigned", "report",
				String.valueOf(report.id()), accountId == null ? null : "account " + accountId);
	}

	/** A note in the report's history; the audit says only that one was added. */
	@Transactional
	void note(Report report, String text, Staff staff, Instant now) {
		event(report.id(), staff.id(), "note", null, text, now);
		this.audit.record(staff, "report-note", "report", String.valueOf(report.id()), null);
	}

	/** A line of a report's history; accountId null for what Signpost did. */
	void event(long id, Long accountId, String kind, String status, String text, Instant now) {
		this.jdbc.update(
				"INSERT INTO feedback_event (feedback_id, at, account_id, kind, status, text) VALUES (?, ?, ?, ?, ?, ?)",
				id, utc(now), accountId, kind, status, text);
	}

	/** The resident has been told (or could not be): their address goes. */
	void eraseEmail(long id) {
		this.jdbc.update("UPDATE feedback SET email = NULL WHERE id = ?", id);
	}

	@Override
	public Optional<Instant> openSince(String serviceId) {
		List<Object> args = new ArrayList<>(List.of(serviceId));
		Timestamp since = this.jdbc.queryForObject("SELECT MIN(created_at) FROM feedback WHERE service_id = ? AND "
				+ in("status", ReportState.openKeys(), args), Timestamp.class, args.toArray());
		return Optional.ofNullable(instant(since));
	}

	private Report report(ResultSet rs, int row) throws SQLException {
		return new Report(rs.getLong("id"), rs.getString("service_id"), rs.getString("service_name"),
				rs.getString("publisher_id"), rs.getString("publisher_name"), rs.getString("problem"),
				rs.getString("correction"), rs.getString("email"), ReportState.parse(rs.getString("status")),
				rs.getObject("assigned_to", Long.class), rs.getString("assigned_name"), rs.getString("reason"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("closed_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
