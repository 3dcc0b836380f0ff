package uk.signpost.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report limit on H2 as two Signpost nodes share it: one count a client whichever
 * node it reaches, refilled as time passes, never the address in the table.
 */
class ReportLimitTest extends DirectoryTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void empty() {
		this.jdbc.update("DELETE FROM rate_limit");
	}

	@Test
	void twoNodesCountTheSameReports() throws Exception {
		sharedByTwoNodes(this.dataSource, this.jdbc);
	}

	@Test
	void aClientGetsAReportBackEvery12MinutesAndAllFiveAfterAnHour() {
		MovableClock clock = new MovableClock();
		ReportLimit limit = node(this.dataSource, clock, "secret");
		for (int i = 0; i < ReportLimit.PER_HOUR; i++) {
			assertThat(limit.allow("198.51.100.9")).isTrue();
		}
		assertThat(limit.allow("198.51.100.9")).isFalse();
		clock.move(Duration.ofMinutes(11));
		assertThat(limit.allow("198.51.100.9")).isFalse();
		clock.move(Duration.ofMinutes(1));
		assertThat(limit.allow("198.51.100.9")).isTrue();
		assertThat(limit.allow("198.51.100.9")).isFalse();
		clock.move(Duration.ofHours(1));
		for (int i = 0; i < ReportLimit.PER_HOUR; i++) {
			assertThat(limit.allow("198.51.100.9")).isTrue();
		}
		assertThat(limit.allow("198.51.100.9")).isFalse();
	}

	@Test
	void addressesAreKeptOnlyAsAKeyedHash() {
		ReportLimit limit = node(this.dataSource, Clock.systemUTC(), "secret");
		limit.allow("203.0.113.7");
		List<String> ids = this.jdbc.queryForList("SELECT id FROM rate_limit", String.class);
		assertThat(ids).hasSize(1);
		assertThat(ids.get(0)).matches("report:[0-9a-f]{64}").doesNotContain("203.0.113.7").doesNotContain("203");
		assertThat(ids.get(0)).isEqualTo("report:" + limit.key("203.0.113.7"));
		assertThat(node(this.dataSource, Clock.systemUTC(), "another").key("203.0.113.7"))
			.as("another secret, another key")
			.isNotEqualTo(limit.key("203.0.113.7"));
		// Without a secret, at least SHA-256.
		assertThat(node(this.dataSource, Clock.systemUTC(), "").key("203.0.113.7")).isEqualTo(sha256("203.0.113.7"));
	}

	@Test
	void bucketsPastTheirRefillAreRemoved() {
		ReportLimit limit = node(this.dataSource, Clock.systemUTC(), "secret");
		limit.allow("192.0.2.1");
		limit.allow("192.0.2.2");
		assertThat(this.jdbc.queryForObject("SELECT MIN(expires_at) FROM rate_limit", Long.class))
			.isGreaterThan(System.currentTimeMillis());
		limit.removeExpired();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit", Integer.class)).isEqualTo(2);
		this.jdbc.update("UPDATE rate_limit SET expires_at = 0 WHERE id = ?", "report:" + limit.key("192.0.2.1"));
		limit.removeExpired();
		assertThat(this.jdbc.queryForList("SELECT id FROM rate_limit", String.class))
			.containsExactly("report:" + limit.key("192.0.2.2"));
	}

	/**
	 * Two nodes over one database: reports counted on either count on both, also when
	 * they arrive at once.
	 */
	static void sharedByTwoNodes(DataSource dataSource, JdbcTemplate jdbc) throws Exception {
		ReportLimit first = node(dataSource, Clock.systemUTC(), "secret");
		ReportLimit second = node(dataSource, Clock.systemUTC(), "secret");
		for (int i = 0; i < 3; i++) {
			assertThat(first.allow("10.1.1.1")).isTrue();
		}
		assertThat(second.allow("10.1.1.1")).isTrue();
		assertThat(second.allow("10.1.1.1")).isTrue();
		assertThat(first.allow("10.1.1.1")).isFalse();
		assertThat(second.allow("10.1.1.1")).isFalse();
		assertThat(second.allow("10.1.1.2")).as("another client").isTrue();

		// 16 reports at once from one new client through both nodes: exactly 5 get
		// through.
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> sends = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				ReportLimit node = i % 2 == 0 ? first : second;
				sends.add(() -> node.allow("10.1.1.3"));
			}
			int allowed = 0;
			for (Future<Boolean> sent : threads.invokeAll(sends, 60, TimeUnit.SECONDS)) {
				allowed += sent.get() ? 1 : 0;
			}
			assertThat(allowed).isEqualTo(ReportLimit.PER_HOUR);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rate_limit", Integer.class)).isEqualTo(3);
	}

	static ReportLimit node(DataSource dataSource, Clock clock, String secret) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("clock", clock);
		return new ReportLimit(dataSource, beans.getBeanProvider(Clock.class), secret);
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A clock the test moves on. */
	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T09:00:00Z");

		void move(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
