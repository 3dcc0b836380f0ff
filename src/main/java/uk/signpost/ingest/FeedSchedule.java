package uk.signpost.ingest;

import java.net.URI;
import java.time.Instant;

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
 * slow publisher never holds up the site.
 */
@Component
@ConditionalOnWebApplication
@Order(2)
class FeedSchedule implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

	private final SignpostProperties properties;

	private final Importer importer;

	private final ImportRunRepository runs;

	private final TaskScheduler scheduler;

	FeedSchedule(SignpostProperties properties, Importer importer, ImportRunRepository runs, TaskScheduler scheduler) {
		this.properties = properties;
		this.importer = importer;
		this.runs = runs;
		this.scheduler = scheduler;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (SignpostProperties.Feed feed : this.properties.getFeeds()) {
			if (feed.getName() == null || feed.getUrl() == null) {
				log.warn("Feed {} needs both a name and a url; skipped", feed.getName());
				continue;
			}
			URI url = URI.create(feed.getUrl());
			this.scheduler.schedule(
					() -> this.importer.importFeed(new FeedSource.Api(url, null), feed.getName(), feed.getTitle()),
					Instant.now());
			if (feed.getRefresh() != null && !feed.getRefresh().isZero()) {
				this.scheduler.scheduleWithFixedDelay(() -> refresh(feed, url), Instant.now().plus(feed.getRefresh()),
						feed.getRefresh());
			}
		}
	}

	private void refresh(SignpostProperties.Feed feed, URI url) {
		Instant since = this.runs.findLatest(feed.getName())
			.filter(ImportReport::succeeded)
			.map(ImportReport::startedAt)
			.orElse(null);
		this.importer.importFeed(new FeedSource.Api(url, since), feed.getName(), feed.getTitle());
	}

}
