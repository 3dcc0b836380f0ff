package uk.signpost;

import java.util.List;

import org.junit.jupiter.api.Tag;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The same two nodes over PostgreSQL (SIGNPOST_DB_URL), as production runs them. */
@Tag("postgres")
class PostgresTwoNodesTest extends TwoNodesTest {

	@Override
	protected List<String> databaseSettings() {
		return List.of("--spring.profiles.active=postgres");
	}

	/**
	 * The server outlives test classes: no directory, sessions, locks (a feed pulled on
	 * start stays claimed for ten minutes) or reports from an earlier run.
	 */
	@Override
	protected void clearDatabase() {
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(System.getenv("SIGNPOST_DB_URL"),
				System.getenv("SIGNPOST_DB_USER"), System.getenv().getOrDefault("SIGNPOST_DB_PASSWORD", "")));
		if (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'shedlock'",
				Integer.class) > 0) {
			TestDirectory.clear(jdbc);
			for (String table : List.of("shedlock", "spring_session", "rate_limit", "analytics_event")) {
				jdbc.update("DELETE FROM " + table);
			}
			jdbc.update("DELETE FROM staff_account WHERE email = ?", EMAIL);
		}
	}

}
