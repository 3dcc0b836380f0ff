package uk.signpost.analytics;

import java.time.Clock;
import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.signpost.directory.Validity;
import uk.signpost.settings.SignpostProperties;

/**
 * Makes each day's totals (analytics_day) from its events, and deletes events older than
 * signpost.analytics.keep-days. A day's totals are made again whole from its events, so
 * rolling a day up twice gives the same totals; a day whose events are gone is never
 * rolled up again, so its totals stay.
 */
@Component
class Rollup {

	/**
	 * One row a day for each search need and area, and for each service's views (by the
	 * need they came from), clicks and additions. publisher_id is the event's, else the
	 * service's (Your list knows only ids).
	 */
	private static final String TOTALS = """
			INSERT INTO analytics_day (on_day, kind, need, area, service_id, publisher_id, events, zero_results, refined,
			    corrected, relaxation_offered, relaxation_taken)
			SELECT on_day, kind, need, area, service_id, publisher_id, COUNT(*),
			    SUM(CASE WHEN kind = 'search' AND results = 0 THEN 1 ELSE 0 END),
			    SUM(CASE WHEN filters IS NOT NULL OR from_relaxation OR as_typed THEN 1 ELSE 0 END),
			    SUM(CASE WHEN corrected THEN 1 ELSE 0 END),
			    SUM(CASE WHEN relaxation_offered THEN 1 ELSE 0 END),
			    SUM(CASE WHEN from_relaxation THEN 1 ELSE 0 END)
			FROM (SELECT e.on_day, e.kind, COALESCE(e.need, e.category, '') AS need, COALESCE(e.area, '') AS area,
			        COALESCE(e.service_id, '') AS service_id,
			        COALESCE(e.publisher_id, (SELECT s.publisher_id FROM service s WHERE s.id = e.service_id), '')
			            AS publisher_id,
			        e.results, e.filters, e.from_relaxation, e.as_typed, e.corrected, e.relaxation_offered
			    FROM analytics_event e WHERE e.on_day = ?) d
			GROUP BY on_day, kind, need, area, service_id, publisher_id""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Recorder recorder;

	private final Clock clock;

	private final int keepDays;

	Rollup(JdbcTemplate jdbc, TransactionTemplate transaction, Recorder recorder, SignpostProperties properties,
			ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.recorder = recorder;
		this.keepDays = properties.getAnalytics().getKeepDays();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * A day's totals, made again from its events; a day without events (deleted, whole
	 * days at a time) keeps the totals it has.
	 */
	void rollUp(LocalDate day) {
		this.transaction.executeWithoutResult(status -> {
			if (this.jdbc.queryForList("SELECT 1 FROM analytics_event WHERE on_day = ? LIMIT 1", Integer.class, day)
				.isEmpty()) {
				return;
			}
			this.jdbc.update("DELETE FROM analytics_day WHERE on_day = ?", day);
			this.jdbc.update(TOTALS, day);
		});
	}

	/** The oldest day whose events are kept. */
	LocalDate firstKept() {
		return Validity.today(this.clock).minusDays(this.keepDays - 1L);
	}

	/**
	 * Every half minute, today's totals so far (today's searches show within a minute)
	 * and yesterday's, which a search just before midnight may still change. On one node
	 * at a time (two would delete and insert the same day's totals at once); every node
	 * writes its own events every 2 s regardless (Recorder).
	 */
	@Scheduled(initialDelayString = "30s", fixedDelayString = "${signpost.analytics.roll-up-every:30s}")
	@SchedulerLock(name = "analytics-recent", lockAtMostFor = "PT5M")
	void recent() {
		this.recorder.flush();
		LocalDate today = Validity.today(this.clock);
		rollUp(today.minusDays(1));
		rollUp(today);
	}

	/**
	 * On start, and then daily: every day not rolled up yet (the site was down at
	 * midnight), then events past keep-days deleted, their days rolled up by then.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "0 15 2 * * *", zone = "Europe/London")
	@SchedulerLock(name = "analytics-daily", lockAtMostFor = "PT30M")
	void daily() {
		for (LocalDate day : this.jdbc.queryForList("""
				SELECT DISTINCT e.on_day FROM analytics_event e
				WHERE NOT EXISTS (SELECT 1 FROM analytics_day d WHERE d.on_day = e.on_day)""", LocalDate.class)) {
			rollUp(day);
		}
		this.jdbc.update("DELETE FROM analytics_event WHERE on_day < ?", firstKept());
	}

}
