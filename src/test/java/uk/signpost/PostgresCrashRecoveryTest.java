package uk.signpost;

import java.util.List;

import org.junit.jupiter.api.Tag;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The same kills on PostgreSQL: the database outlives the process, so what the killed run
 * committed is there for the restart to index.
 */
@Tag("postgres")
class PostgresCrashRecoveryTest extends CrashRecoveryTest {

	@Override
	protected List<String> databaseSettings() {
		return List.of("--spring.profiles.active=postgres");
	}

	@Override
	protected void clearDatabase() {
		DriverManagerDataSource database = new DriverManagerDataSource(System.getenv("SIGNPOST_DB_URL"),
				System.getenv("SIGNPOST_DB_USER"), System.getenv().getOrDefault("SIGNPOST_DB_PASSWORD", ""));
		JdbcTemplate jdbc = new JdbcTemplate(database);
		if (jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'service'",
				Integer.class) > 0) {
			TestDirectory.clear(jdbc);
		}
	}

}
