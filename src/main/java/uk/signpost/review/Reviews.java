package uk.signpost.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.signpost.directory.Checked;
import uk.signpost.directory.InList;
import uk.signpost.directory.Service;
import uk.signpost.directory.Validity;
import uk.signpost.staff.Audit;
import uk.signpost.staff.Staff;

/**
 * When each service is due for review, and recording a check. A service is due its period
 * ({@link ReviewPeriods}) after its last check ({@link Checked}); one never checked nor
 * dated is overdue.
 */
@Component
class Reviews {

	/**
	 * A service to review: its last check (null when nothing dates it) and when it is
	 * due.
	 */
	record Due(String serviceId, String name, String publisherId, String publisherName, Checked.Last last,
			LocalDate due) {

		boolean overdue(LocalDate today) {
			return this.due == null || this.due.isBefore(today);
		}

	}

	/** A service that may be marked as checked: findable, and whose publisher it is. */
	record Reviewable(String id, String name, String publisherId) {
	}

	private final JdbcTemplate jdbc;

	private final ReviewPeriods periods;

	private final Audit audit;

	Reviews(JdbcTemplate jdbc, ReviewPeriods periods, Audit audit) {
		this.jdbc = jdbc;
		this.periods = periods;
		this.audit = audit;
	}

	/**
	 * The services of these publishers (null: every publisher) overdue or due by today
	 * plus the settings' soon, by publisher name and then oldest first.
	 */
	List<Due> due(Set<String> publishers, LocalDate today, Period soon) {
		if (publishers != null && publishers.isEmpty()) {
			return List.of();
		}
		Map<String, Period> shorter = shorterPeriods();
		LocalDate by = today.plus(soon);
		List<Due> due = new ArrayList<>();
		String scope = publishers == null ? ""
				: " AND s.publisher_id IN (" + InList.placeholders(publishers.size()) + ")";
		this.jdbc.query("SELECT s.id, s.name, s.publisher_id, p.name, s.assured_date, s.last_modified, c.checked_at "
				+ "FROM service s JOIN publisher p ON p.id = s.publisher_id LEFT JOIN (SELECT service_id, "
				+ "MAX(checked_at) AS checked_at FROM service_check GROUP BY service_id) c ON c.service_id = s.id "
				+ "WHERE " + Service.FINDABLE + scope, rs -> {
					OffsetDateTime modified = rs.getObject(6, OffsetDateTime.class);
					OffsetDateTime recorded = rs.getObject(7, OffsetDateTime.class);
					Checked.Last last = Checked.last(rs.getObject(5, LocalDate.class),
							recorded == null ? null : recorded.atZoneSameInstant(Validity.UK).toLocalDate(),
							modified == null ? null : modified.atZoneSameInstant(Validity.UK).toLocalDate());
					LocalDate when = last == null ? null
							: last.date().plus(shorter.getOrDefault(rs.getString(1), this.periods.defaultPeriod()));
					if (when == null || !when.isAfter(by)) {
						due.add(new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), last,
								when));
					}
				}, publishers == null ? new Object[0] : publishers.toArray());
		due.sort(Comparator.comparing(Due::publisherName)
			.thenComparing(Due::publisherId)
			.thenComparing(Due::due, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(Due::name));
		return due;
	}

	/**
	 * Services in a category with a period of its own, and that period (the shortest,
	 * with the default among them when it is shorter).
	 */
	private Map<String, Period> shorterPeriods() {
		Map<String, Period> byService = new HashMap<>();
		if (!this.periods.any()) {
			return byService;
		}
		Map<String, Period> byTerm = new HashMap<>();
		this.jdbc.query("SELECT id, name FROM taxonomy_term", rs -> {
			Period period = this.periods.period(rs.getString(1), rs.getString(2));
			if (period != null) {
				byTerm.put(rs.getString(1), period);
			}
		});
		for (List<String> chunk : InList.chunks(byTerm.keySet())) {
			this.jdbc.query("SELECT service_id, taxonomy_term_id FROM attribute WHERE taxonomy_term_id IN ("
					+ InList.placeholders(chunk.size()) + ")", rs -> {
						byService.merge(rs.getString(1), byTerm.get(rs.getString(2)),
								(a, b) -> ReviewPeriods.shortest(List.of(a, b)));
					}, chunk.toArray());
		}
		byService.replaceAll((id, period) -> ReviewPeriods.shortest(List.of(period, this.periods.defaultPeriod())));
		return byService;
	}

	/**
	 * A findable service this person may mark as checked, or empty (unknown, or not
	 * theirs).
	 */
	Optional<Reviewable> reviewable(String serviceId, Staff staff) {
		return this.jdbc
			.query("SELECT s.id, s.name, s.publisher_id FROM service s WHERE s.id = ? AND " + Service.FINDABLE,
					(rs, n) -> new Reviewable(rs.getString(1), rs.getString(2), rs.getString(3)), serviceId)
			.stream()
			.findFirst()
			.filter(service -> staff.sees(service.publisherId()));
	}

	/**
	 * "I have checked this information is correct": who (their name and organisation as
	 * they are now) and when, in the audit log too. The search index keeps no checked
	 * date (the cards read it from the database), so nothing needs indexing again.
	 */
	@Transactional
	void check(Reviewable service, Staff staff, Instant now) {
		this.jdbc.update(
				"INSERT INTO service_check (service_id, account_id, name, organisation, checked_at) VALUES (?, ?, ?, ?, ?)",
				service.id(), staff.id(), staff.name(), staff.organisation(),
				OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		this.audit.record(staff, "checked", "service", service.id(), service.name());
	}

}
