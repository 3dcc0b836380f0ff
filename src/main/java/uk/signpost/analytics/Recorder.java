package uk.signpost.analytics;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import uk.signpost.directory.ContactClicked;
import uk.signpost.directory.ServiceViewed;
import uk.signpost.directory.Validity;
import uk.signpost.search.Searched;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.web.AddedToList;

/**
 * Takes the events the pages publish into memory, and writes what has gathered every two
 * seconds in one batch, off the request path: a page only adds to a queue. What is queued
 * when the site stops is written before the database closes (a lifecycle stopped after
 * the web server, and again on destroy for anything later).
 */
@Component
class Recorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Recorder.class);

	/**
	 * The most events held while the database is away: past it new ones are dropped (and
	 * counted), so a long outage cannot fill the memory.
	 */
	static final int MOST_QUEUED = 100_000;

	private static final String INSERT = """
			INSERT INTO analytics_event (at, on_day, kind, need, category, area, filters, results, page, corrected,
			    as_typed, relaxation_offered, from_relaxation, service_id, publisher_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final Queue<Event> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Counter dropped;

	private volatile boolean enabled;

	private volatile boolean running;

	Recorder(JdbcTemplate jdbc, SignpostProperties properties, ObjectProvider<Clock> clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.enabled = properties.getAnalytics().isEnabled();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.dropped = Counter.builder("signpost.analytics.dropped")
			.description("Analytics events dropped because too many waited to be written")
			.register(meters);
	}

	/**
	 * Whether events are recorded (signpost.analytics.enabled; the benchmark switches
	 * it).
	 */
	void enable(boolean enabled) {
		this.enabled = enabled;
	}

	@EventListener
	void searched(Searched searched) {
		add(now -> new Event(now, Validity.today(this.clock), Event.SEARCH, searched.need(), searched.category(),
				searched.area(), searched.filters().isEmpty() ? null : String.join(" ", searched.filters()),
				searched.results(), searched.page(), searched.corrected(), searched.asTyped(),
				searched.relaxationOffered(), searched.fromRelaxation(), null, null));
	}

	@EventListener
	void viewed(ServiceViewed viewed) {
		// Of the results it came from, only the need: never the place.
		String need = viewed.fromSearch() == null ? null : Searched.needOf(viewed.fromSearch());
		add(now -> Event.service(now, Validity.today(this.clock), Event.VIEW, need, viewed.serviceId(),
				viewed.publisherId()));
	}

	@EventListener
	void clicked(ContactClicked clicked) {
		add(now -> Event.service(now, Validity.today(this.clock), clicked.kind().path(), null, clicked.serviceId(),
				clicked.publisherId()));
	}

	@EventListener
	void added(AddedToList added) {
		for (String id : added.serviceIds()) {
			add(now -> Event.service(now, Validity.today(this.clock), Event.LIST, null, id, null));
		}
	}

	private void add(Function<Instant, Event> event) {
		if (!this.enabled) {
			return;
		}
		if (this.queued.incrementAndGet() > MOST_QUEUED) {
			this.queued.decrementAndGet();
			this.dropped.increment();
			return;
		}
		this.queue.add(event.apply(this.clock.instant()));
	}

	/**
	 * Writes what is queued, in batches; on failure it stays queued for the next time.
	 */
	@Scheduled(fixedDelayString = "${signpost.analytics.write-every:2s}")
	synchronized void flush() {
		List<Event> batch = new ArrayList<>();
		for (Event event = this.queue.poll(); event != null; event = this.queue.poll()) {
			this.queued.decrementAndGet();
			batch.add(event);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			write(batch);
		}
		catch (DataIntegrityViolationException ex) {
			// A row the table refuses would be refused again at every try and hold back
			// every event queued after it: each is written alone, and any refused
			// dropped.
			log.warn("Analytics events refused as a batch, written one at a time: {}", ex.getMessage());
			for (Event event : batch) {
				try {
					write(List.of(event));
				}
				catch (DataIntegrityViolationException refused) {
					this.dropped.increment();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write {} analytics events; trying again shortly: {}", batch.size(), ex.getMessage());
			for (Event event : batch) {
				if (this.queued.incrementAndGet() > MOST_QUEUED) {
					this.queued.decrementAndGet();
					this.dropped.increment();
				}
				else {
					this.queue.add(event);
				}
			}
		}
	}

	/**
	 * The events' rows, each text cut to its column (V11): what residents type is long.
	 */
	private void write(List<Event> batch) {
		this.jdbc.batchUpdate(INSERT, batch, 1000, (statement, e) -> {
			statement.setObject(1, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
			statement.setObject(2, e.day());
			statement.setString(3, cut(e.kind(), 10));
			statement.setString(4, cut(e.need(), 200));
			statement.setString(5, cut(e.category(), 200));
			statement.setString(6, cut(e.area(), 100));
			statement.setString(7, cut(e.filters(), 500));
			statement.setObject(8, e.results());
			statement.setObject(9, e.page());
			statement.setBoolean(10, e.corrected());
			statement.setBoolean(11, e.asTyped());
			statement.setBoolean(12, e.relaxationOffered());
			statement.setBoolean(13, e.fromRelaxation());
			statement.setString(14, cut(e.serviceId(), 36));
			statement.setString(15, cut(e.publisherId(), 100));
		});
	}

	private static String cut(String text, int longest) {
		if (text == null || text.length() <= longest) {
			return text;
		}
		// Never half of a character that takes two chars.
		int end = Character.isHighSurrogate(text.charAt(longest - 1)) ? longest - 1 : longest;
		return text.substring(0, end);
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * Stopped after the web server (a lower phase), so no page adds to the queue after.
	 */
	@Override
	public void stop() {
		flush();
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

	@PreDestroy
	void last() {
		flush();
	}

}
