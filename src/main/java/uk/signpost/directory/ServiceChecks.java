package uk.signpost.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The checks staff recorded in the workspace ("I have checked this information is
 * correct"), read for the service page and the cards. They are a fact about the record,
 * like its assured_date, so the directory reads them; the workspace's reviews write them
 * (uk.signpost.review), which keeps the directory from depending on the workspace. They
 * live in service_check, beside the service, where no import reaches.
 */
@Component
public class ServiceChecks {

	/**
	 * A recorded check: when, and who (their name and organisation as they were then).
	 */
	public record Check(Instant at, String name, String organisation) {

		/** "Sam Patel, Lancashire County Council". */
		public String signature() {
			return this.name + ", " + this.organisation;
		}

		/** The day it was made, in the UK. */
		public LocalDate date() {
			return this.at.atZone(Validity.UK).toLocalDate();
		}

	}

	private final JdbcTemplate jdbc;

	ServiceChecks(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** The newest check recorded for a service. */
	public Optional<Check> latest(String serviceId) {
		return Optional.ofNullable(latest(List.of(serviceId)).get(serviceId));
	}

	/** The newest check recorded for each of these services that has one. */
	public Map<String, Check> latest(Collection<String> serviceIds) {
		Map<String, Check> checks = new HashMap<>();
		for (List<String> chunk : InList.chunks(serviceIds)) {
			// Oldest first, so each service keeps its newest.
			this.jdbc.query("SELECT service_id, checked_at, name, organisation FROM service_check WHERE service_id IN ("
					+ InList.placeholders(chunk.size()) + ") ORDER BY checked_at, id", rs -> {
						checks.put(rs.getString(1),
								new Check(rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)));
					}, chunk.toArray());
		}
		return checks;
	}

}
