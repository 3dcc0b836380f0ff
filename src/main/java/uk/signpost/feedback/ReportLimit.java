package uk.signpost.feedback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * At most a few reports an hour from one client, so nobody can flood curators. Counted in
 * memory only: addresses are never written down or logged.
 */
@Component
class ReportLimit {

	static final int PER_HOUR = 5;

	private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

	private final Clock clock;

	ReportLimit(ObjectProvider<Clock> clock) {
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** True, and counted, when this client may send another report now. */
	boolean allow(String client) {
		Instant now = this.clock.instant();
		Instant hourAgo = now.minus(Duration.ofHours(1));
		Deque<Instant> times = this.recent.computeIfAbsent(client, c -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(hourAgo)) {
				times.pollFirst();
			}
			if (times.size() >= PER_HOUR) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

}
