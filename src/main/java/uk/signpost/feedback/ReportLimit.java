package uk.signpost.feedback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most a few reports an hour from one client, so nobody can flood curators. Counted by
 * Bucket4j in the database, so every Signpost node counts the same reports: a bucket of
 * {@value #PER_HOUR} that refills one report every 12 minutes. A client is known by a
 * keyed hash of its address; the address itself is never written down or logged.
 */
@Component
class ReportLimit {

	static final int PER_HOUR = 5;

	private static final BucketConfiguration REPORTS = BucketConfiguration.builder()
		.addLimit(limit -> limit.capacity(PER_HOUR).refillGreedy(PER_HOUR, Duration.ofHours(1)))
		.build();

	private final ProxyManager<String> buckets;

	private final Mac hash;

	ReportLimit(DataSource dataSource, ObjectProvider<Clock> clock,
			@Value("${signpost.rate-limit-secret:}") String secret) {
		Clock time = clock.getIfAvailable(Clock::systemUTC);
		this.buckets = buckets(dataSource, time);
		this.hash = mac(secret);
	}

	/** True, and counted, when this client may send another report now. */
	boolean allow(String client) {
		return this.buckets.getProxy("report:" + key(client), () -> REPORTS).tryConsume(1);
	}

	/**
	 * HMAC-SHA256 of the address under the nodes' shared secret
	 * (signpost.rate-limit-secret), or without one SHA-256 of it, which the few possible
	 * IPv4 addresses make reversible: production sets the secret.
	 */
	String key(String client) {
		byte[] address = client.getBytes(StandardCharsets.UTF_8);
		try {
			byte[] digest;
			if (this.hash == null) {
				digest = MessageDigest.getInstance("SHA-256").digest(address);
			}
			else {
				Mac mac = (Mac) this.hash.clone();
				digest = mac.doFinal(address);
			}
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException | CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A bucket is worth keeping only until it would be full again. */
	@Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	@SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT10M")
	void removeExpired() {
		((ExpiredEntriesCleaner) this.buckets).removeExpired(1000);
	}

	private static Mac mac(String secret) {
		if (secret == null || secret.isBlank()) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Bucket4j's own PostgreSQL proxy manager on PostgreSQL; on H2, which it has no
	 * module for, the same select-for-update scheme with statements H2 accepts
	 * (H2Buckets).
	 */
	static ProxyManager<String> buckets(DataSource dataSource, Clock clock) {
		TimeMeter time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1));
		if (isPostgreSql(dataSource)) {
			return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.clientClock(time)
				.expirationAfterWrite(expiry)
				.build();
		}
		return new H2Buckets(dataSource,
				ClientSideConfig.getDefault().withClientClock(time).withExpirationAfterWriteStrategy(expiry));
	}

	private static boolean isPostgreSql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database holds the rate limits", ex);
		}
	}

}
