package uk.signpost.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the index has taken in what the database holds, for the readiness probe
 * ("searchIndex" in management.endpoint.health.group.readiness): out of service from the
 * start until the site has started and the index has caught up once (a first start's demo
 * load, an index rebuilt at start), so a load balancer sends no searches that would say
 * "0 services". After that it stays up: a node whose index lags during an import still
 * answers, and the lag is in the details and in the signpost.index.backlog gauge.
 */
@Component
class SearchIndexHealthIndicator implements HealthIndicator, MeterBinder {

	private final JdbcTemplate jdbc;

	private final ApplicationAvailability availability;

	private volatile boolean caughtUp;

	SearchIndexHealthIndicator(JdbcTemplate jdbc, ApplicationAvailability availability) {
		this.jdbc = jdbc;
		this.availability = availability;
	}

	/** Changes committed to the database that the index has not taken in yet. */
	long backlog() {
		Long rows = this.jdbc.queryForObject("SELECT COUNT(*) FROM search_backlog", Long.class);
		return rows == null ? 0 : rows;
	}

	@Override
	public Health health() {
		long backlog = backlog();
		if (!this.caughtUp && backlog == 0
				&& this.availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			this.caughtUp = true;
		}
		return (this.caughtUp ? Health.up() : Health.outOfService()).withDetail("backlog", backlog).build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("signpost.index.backlog", this, SearchIndexHealthIndicator::backlog)
			.description("Changes committed to the database that the search index has not taken in yet")
			.register(registry);
	}

}
