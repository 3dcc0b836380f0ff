package uk.signpost.feedback;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.signpost.DirectoryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report limit on a real PostgreSQL server, through Bucket4j's own PostgreSQL proxy
 * manager: what two nodes share. Runs in the 'postgres' Maven profile.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
class PostgresReportLimitTest extends DirectoryTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoNodesCountTheSameReports() throws Exception {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		this.jdbc.update("DELETE FROM rate_limit");
		ReportLimitTest.sharedByTwoNodes(this.dataSource, this.jdbc);
		ReportLimit limit = ReportLimitTest.node(this.dataSource, java.time.Clock.systemUTC(), "secret");
		this.jdbc.update("UPDATE rate_limit SET expires_at = 0");
		limit.removeExpired();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit", Integer.class)).isZero();
	}

}
