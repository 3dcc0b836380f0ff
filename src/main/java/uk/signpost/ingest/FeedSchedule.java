package uk.signpost.ingest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;

/**
 * Pulls the feeds configured under signpost.feeds: the whole feed once the site has
 * started (withdrawing what has gone), then what changed since the last good import
 * (modified_after) on each feed's refresh interval. Runs on the scheduler's thread, so a
 * slow publisher never holds up the site. With several nodes, each pull is claimed in the
 * lock table first and held a while after it (ShedLock's lockAtLeastFor): nodes started
 * within {@link #STARTED_TOGETHER} of each other pull the whole feed once between them,
 * and a refresh runs once an interval, on whichever node's turn comes first.
 */
@Component
@ConditionalOnWebApplication
@Order(2)
class FeedSchedule implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

	private final SignpostProperties properties;

	private final Importer importer;

	private final ImportRunRepository runs;

	static final Duration STARTED_TOGETHER = Duration.ofMinutes(10);

	private final TaskScheduler scheduler;

	private final LockingTaskExecutor once;

	FeedSchedule(SignpostProperties properties, Importer importer, ImportRunRepository runs, TaskScheduler scheduler,
			ExtensibleLockProvider locks) {
		this.properties = properties;
		this.importer = importer;
		this.runs = runs;
		this.scheduler = scheduler;
		this.once = new DefaultLockingTaskExecutor(locks);
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SignpostProperties.Feed feed : this.properties.getFeeds()) {
			if (feed.getName() == null || feed.getUrl() == null) {
				log.warn("Feed {} needs both a name and a url; skipped", feed.getName());
				continue;
			}
			URI url = URI.create(feed.getUrl());
			this.scheduler.schedule(() -> once("feed-start:" + feed.getName(), STARTED_TOGETHER,
					() -> importFeed(feed, new FeedSource.Api(url, null))), Instant.now());
			Duration every = feed.getRefresh();
			if (every != null && !every.isZero()) {
				// A little under the interval, so that nodes' turns drifting apart never
				// skip one.
				Duration held = every.minus(every.dividedBy(10));
				this.scheduler.scheduleWithFixedDelay(
						() -> once("feed-refresh:" + feed.getName(), held, () -> refresh(feed, url)),
						Instant.now().plus(every), every);
			}
		}
	}

	/** Runs the pull unless another node has claimed it within the last held. */
	private void once(String name, Duration held, Runnable pull) {
		this.once.executeWithLock(pull, new LockConfiguration(Instant.now(), name, held, held));
	}

	private void refresh(SignpostProperties.Feed feed, URI url) {
		Instant since = this.runs.findLatest(feed.getName())
			.filter(ImportReport::succeeded)
			.map(ImportReport::startedAt)
			.orElse(null);
		importFeed(feed, new FeedSource.Api(url, since));
	}

	private void importFeed(SignpostProperties.Feed feed, FeedSource.Api source) {
		try {
			this.importer.importFeed(source, feed.getName(), feed.getTitle());
		}
		catch (Importer.AlreadyImporting ex) {
			log.info(ex.getMessage());
		}
	}

}
