package uk.signpost.nodes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.annotation.PreDestroy;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Locks in the shedlock table for work that runs as long as it takes (an import, a
 * rebuild of the search index): each is taken for {@link #HELD_FOR} and extended every
 * half of that while its holder runs, so a node killed while holding one stops holding it
 * at most {@link #HELD_FOR} later, and at once when the holder was a process on this
 * machine that has ended (a node killed a moment ago and started again).
 */
@Component
public class HeldLocks {

	public static final Duration HELD_FOR = Duration.ofMinutes(2);

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "lock-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	private final LockProvider locks;

	private final JdbcTemplate jdbc;

	HeldLocks(ExtensibleLockProvider locks, JdbcTemplate jdbc) {
		this.locks = new KeepAliveLockProvider(locks, this.keepAlive);
		this.jdbc = jdbc;
	}

	/** The lock, held until unlocked; empty while a live process holds it. */
	public Optional<SimpleLock> tryLock(String name) {
		Optional<SimpleLock> lock = take(name);
		if (lock.isEmpty()) {
			String holder = holder(name);
			if (Locks.endedHere(holder)
					&& this.jdbc.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by = ?",
							name, holder) == 1) {
				lock = take(name);
			}
		}
		return lock;
	}

	private Optional<SimpleLock> take(String name) {
		return this.locks.lock(new LockConfiguration(Instant.now(), name, HELD_FOR, Duration.ZERO));
	}

	/** Who holds the lock, as the table's locked_by names it. */
	public String holder(String name) {
		return this.jdbc.queryForList("SELECT locked_by FROM shedlock WHERE name = ?", String.class, name)
			.stream()
			.findFirst()
			.orElse("another node");
	}

	@PreDestroy
	void stop() {
		this.keepAlive.shutdownNow();
	}

}
