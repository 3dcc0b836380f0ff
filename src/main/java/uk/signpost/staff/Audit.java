package uk.signpost.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit log: every staff action (signing in, a report's state, a check, an account
 * change), who did it and on which record. Callers pass no password and no resident's
 * email: the detail is what changed, in a few words.
 */
@Component
public class Audit {

	private final JdbcTemplate jdbc;

	Audit(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One line of the log. actor is the staff member's email, or "signpost" for the site.
	 */
	public record Entry(Instant at, String actor, String action, String recordKind, String recordId, String detail) {
	}

	public void record(String actor, String action, String recordKind, String recordId, String detail) {
		this.jdbc.update(
				"INSERT INTO audit_log (at, actor, action, record_kind, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
				StaffAccounts.utc(Instant.now()), actor, action, recordKind, recordId, cut(detail));
	}

	public void record(Staff staff, String action, String recordKind, String recordId, String detail) {
		record(staff.email(), action, recordKind, recordId, detail);
	}

	/** The newest entries first, at most limit of them, from offset on. */
	public List<Entry> newest(int offset, int limit) {
		return this.jdbc.query("SELECT * FROM audit_log ORDER BY at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, n) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
						rs.getString("record_kind"), rs.getString("record_id"), rs.getString("detail")),
				offset, limit);
	}

	public long count() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class);
	}

	private static String cut(String detail) {
		return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 1999) + "…";
	}

}
