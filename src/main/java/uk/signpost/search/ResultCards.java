package uk.signpost.search;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Checked;
import uk.signpost.directory.InList;
import uk.signpost.directory.OpeningHours;
import uk.signpost.directory.Validity;
import uk.signpost.directory.Referral;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceChecks;

/** What a result card shows about each service found, read in one query for the page. */
@Component
class ResultCards {

	private static final int SUMMARY_LENGTH = 180;

	/**
	 * One result. summary is the first part of the description; checked is the day of its
	 * last check (directory.Checked: assured or recorded, else last changed); referral is
	 * whether the publisher's words say someone else must refer the person; phone is the
	 * service's own first number; closed is whether the publisher says it is temporarily
	 * closed (then neither openNow nor hours).
	 */
	record Card(String id, String name, String organization, String summary, Integer minimumAge, Integer maximumAge,
			LocalDate checked, Double distanceMiles, List<String> delivery, boolean areaServed, boolean withinRadius,
			boolean free, boolean openNow, boolean referral, String phone, String town, String hours, boolean closed) {

		/** The phone number as a tel: link. */
		public String tel() {
			return this.phone == null ? null : Service.Phone.tel(this.phone);
		}

	}

	private final JdbcTemplate jdbc;

	private final ServiceChecks checks;

	ResultCards(JdbcTemplate jdbc, ServiceChecks checks) {
		this.jdbc = jdbc;
		this.checks = checks;
	}

	/**
	 * The cards of these hits; town is that of the service's first venue, hours what its
	 * current weekly hours say about now ("Open now until 5pm").
	 */
	List<Card> cards(List<SearchResult.Hit> hits, ZonedDateTime now, MessageSourceAccessor text) {
		if (hits.isEmpty()) {
			return List.of();
		}
		Object[] ids = hits.stream().map(SearchResult.Hit::id).toArray();
		Map<String, Object[]> rows = new HashMap<>();
		Map<String, ServiceChecks.Check> recorded = this.checks
			.latest(hits.stream().map(SearchResult.Hit::id).toList());
		this.jdbc.query("SELECT s.id, s.name, o.name, s.description, s.minimum_age, s.maximum_age, s.assured_date, "
				+ "s.last_modified, s.application_process, s.status FROM service s LEFT JOIN organization o ON o.id = s.organization_id WHERE s.id IN ("
				+ InList.placeholders(hits.size()) + ")", rs -> {
					rows.put(rs.getString(1),
							new Object[] { rs.getString(2), rs.getString(3), rs.getString(4),
									(Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class),
									checked(rs.getObject(7, LocalDate.class), recorded.get(rs.getString(1)),
											rs.getObject(8, OffsetDateTime.class)),
									Referral.needed(rs.getString(9)), Service.temporarilyClosed(rs.getString(10)) });
				}, ids);
		// Read last number first, so each service keeps its first.
		Map<String, String> phones = new HashMap<>();
		this.jdbc.query("SELECT service_id, number FROM phone WHERE contact_id IS NULL AND service_id IN ("
				+ InList.placeholders(hits.size()) + ") ORDER BY position DESC", rs -> {
					phones.put(rs.getString(1), rs.getString(2));
				}, ids);
		Map<String, String> towns = new HashMap<>();
		this.jdbc.query("SELECT sal.service_id, a.city FROM service_at_location sal JOIN address a "
				+ "ON a.location_id = sal.location_id WHERE a.city IS NOT NULL AND sal.service_id IN ("
				+ InList.placeholders(hits.size()) + ") ORDER BY sal.position DESC, a.position DESC", rs -> {
					towns.put(rs.getString(1), rs.getString(2).strip());
				}, ids);
		Map<String, List<Service.Schedule>> schedules = new HashMap<>();
		LocalDate today = now.toLocalDate();
		this.jdbc.query("SELECT service_id, valid_from, valid_to, freq, byday, opens_at, closes_at FROM schedule "
				+ "WHERE service_id IN (" + InList.placeholders(hits.size()) + ")", rs -> {
					LocalDate from = rs.getObject(2, LocalDate.class);
					LocalDate to = rs.getObject(3, LocalDate.class);
					if (Validity.current(from, to, today)) {
						schedules.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
							.add(new Service.Schedule(null, null, from, to, null, null, null, null, null,
									rs.getString(4), null, rs.getString(5), null, null, null, null,
									rs.getObject(6, LocalTime.class), rs.getObject(7, LocalTime.class), null, null,
									null));
					}
				}, ids);
		return hits.stream().map(hit -> {
			Object[] row = rows.get(hit.id());
			if (row == null) {
				return null;
			}
			boolean closed = (Boolean) row[7];
			return new Card(hit.id(), (String) row[0], (String) row[1], summary((String) row[2]), (Integer) row[3],
					(Integer) row[4], (LocalDate) row[5], hit.distanceMiles(), hit.delivery(), hit.areaServed(),
					hit.withinRadius(), hit.free(), hit.openNow() && !closed, (Boolean) row[6], phones.get(hit.id()),
					towns.get(hit.id()),
					closed ? null : new OpeningHours(schedules.getOrDefault(hit.id(), List.of()), text).now(now),
					closed);
		}).filter(Objects::nonNull).toList();
	}

	/** The day of the last check, by the rule the service page uses too. */
	private static LocalDate checked(LocalDate assured, ServiceChecks.Check recorded, OffsetDateTime modified) {
		return Checked.date(assured, recorded == null ? null : recorded.date(),
				modified == null ? null : modified.atZoneSameInstant(Validity.UK).toLocalDate());
	}

	/** The description cut at a word near two lines' length. */
	static String summary(String description) {
		if (description == null) {
			return null;
		}
		String text = description.strip().replaceAll("\\s+", " ");
		if (text.length() <= SUMMARY_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
		return text.substring(0, cut > 0 ? cut : SUMMARY_LENGTH) + "…";
	}

}
