package uk.signpost.staff;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test helper: no staff, no audit log. */
public final class Staffing {

	private Staffing() {
	}

	public static void reset(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM staff_publisher");
		jdbc.update("DELETE FROM staff_account");
		jdbc.update("DELETE FROM audit_log");
	}

}
