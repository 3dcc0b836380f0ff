package uk.signpost.ingest;

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

import uk.signpost.nodes.Locks;

/**
 * One import of a feed at a time, whichever node or command starts it: a lock named after
 * the publisher in the shedlock table. It is held for {@link #HELD_FOR} and extended
 * every half of that while the import runs, however long a big feed takes; a node killed
 * mid-import stops extending it, so another may import that feed again at most
 * {@link #HELD_FOR} later (at once on the same machine: see {@link #lock}).
 */
@Component
class FeedLocks {

	static final Duration HELD_FOR = Duration.ofMinutes(2);

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "feed-lock-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	private final LockProvider locks;

	private final JdbcTemplate jdbc;

	FeedLocks(ExtensibleLockProvider locks, JdbcTemplate jdbc) {
		this.locks = new KeepAliveLockProvider(locks, this.keepAlive);
		this.jdbc = jdbc;
	}

	/**
	 * The publisher's import lock, or {@link Importer.AlreadyImporting} naming who holds
	 * it. A lock left by a process on this machine that has ended (an import killed a
	 * moment ago) is taken over at once.
	 */
	SimpleLock lock(String publisherId) {
		String name = name(publisherId);
		Optional<SimpleLock> lock = tryLock(name);
		String holder = lock.isPresent() ? null : holder(name);
		if (lock.isEmpty() && Locks.endedHere(holder) && this.jdbc
			.update("UPDATE shedlock SET lock_until = locked_at WHERE name = ? AND locked_by = ?", name, holder) == 1) {
			lock = tryLock(name);
		}
		return lock.orElseThrow(() -> new Importer.AlreadyImporting(publisherId, holder(name)));
	}

	private Optional<SimpleLock> tryLock(String name) {
		return this.locks.lock(new LockConfiguration(Instant.now(), name, HELD_FOR, Duration.ZERO));
	}

	static String name(String publisherId) {
		return "import:" + publisherId;
	}

	private String holder(String name) {
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
