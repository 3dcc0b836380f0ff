package uk.signpost.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Service;

/**
 * What the Analytics page counts, read from the daily totals (analytics_day) for a range
 * of days. Counts here are exact; the page hides small ones.
 */
@Component
class Figures {

	/** Rows in each "top" table. */
	static final int TOP = 20;

	/** How long a service may go unviewed before it is listed. */
	static final int UNVIEWED_DAYS = 90;

	private final NamedParameterJdbcTemplate jdbc;

	Figures(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record Week(LocalDate monday, long searches, long zero) {
	}

	record Need(String need, long searches, long zero) {
	}

	record AreaNeed(String area, String need, long zero) {
	}

	/**
	 * refined: with a filter, a relaxation followed or a correction refused; opened:
	 * service pages opened from these results.
	 */
	record Refining(String need, long searches, long zero, long refined, long opened) {

		/** Searches that led to no service page, as far as counts can tell. */
		long withoutOpening() {
			return Math.max(0, this.searches - this.opened);
		}

	}

	record PublisherUse(String id, String name, long views, long phone, long email, long website, long list) {
	}

	record Unviewed(String id, String name, String publisher) {
	}

	private MapSqlParameterSource range(LocalDate from, LocalDate to) {
		return new MapSqlParameterSource("from", from).addValue("to", to);
	}

	/**
	 * Searches and those that found nothing, by week (Monday), every week in the range.
	 */
	List<Week> weeks(LocalDate from, LocalDate to) {
		Map<LocalDate, long[]> weeks = new TreeMap<>();
		for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
			weeks.put(monday, new long[2]);
		}
		this.jdbc.query("""
				SELECT on_day, SUM(events) AS searches, SUM(zero_results) AS zero FROM analytics_day
				WHERE kind = 'search' AND on_day BETWEEN :from AND :to GROUP BY on_day""", range(from, to), row -> {
			long[] week = weeks.get(monday(row.getObject("on_day", LocalDate.class)));
			week[0] += row.getLong("searches");
			week[1] += row.getLong("zero");
		});
		List<Week> list = new ArrayList<>();
		weeks.forEach((monday, counts) -> list.add(new Week(monday, counts[0], counts[1])));
		return list;
	}

	static LocalDate monday(LocalDate day) {
		return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/**
	 * The needs searched most, or (zero) those that most often found nothing; only words
	 * searched at least least times: words typed by one or two people may say who they
	 * are ("help for jane doe 07700 900123").
	 */
	List<Need> needs(LocalDate from, LocalDate to, boolean zero, int least) {
		return this.jdbc.query(
				"""
						SELECT need, SUM(events) AS searches, SUM(zero_results) AS zero FROM analytics_day
						WHERE kind = 'search' AND need <> '' AND on_day BETWEEN :from AND :to
						GROUP BY need HAVING SUM(%s) > 0 AND SUM(events) >= %d ORDER BY SUM(%s) DESC, need LIMIT %d"""
					.formatted(zero ? "zero_results" : "events", least, zero ? "zero_results" : "events", TOP),
				range(from, to),
				(row, i) -> new Need(row.getString("need"), row.getLong("searches"), row.getLong("zero")));
	}

	/**
	 * Unmet needs by area: the area and need pairs that most often found nothing, among
	 * those searched at least least times (as needs).
	 */
	List<AreaNeed> unmet(LocalDate from, LocalDate to, int least) {
		return this.jdbc.query("""
				SELECT area, need, SUM(zero_results) AS zero FROM analytics_day
				WHERE kind = 'search' AND area <> '' AND on_day BETWEEN :from AND :to
				GROUP BY area, need HAVING SUM(zero_results) > 0 AND SUM(events) >= %d
				ORDER BY SUM(zero_results) DESC, area, need LIMIT %d""".formatted(least, TOP), range(from, to),
				(row, i) -> new AreaNeed(row.getString("area"), row.getString("need"), row.getLong("zero")));
	}

	/**
	 * The needs where people most often refine their search or leave without opening a
	 * service, among those searched at least a few times.
	 */
	List<Refining> refining(LocalDate from, LocalDate to, int least) {
		return this.jdbc
			.query("""
					SELECT s.need, s.searches, s.zero, s.refined, COALESCE(v.opened, 0) AS opened
					FROM (SELECT need, SUM(events) AS searches, SUM(zero_results) AS zero, SUM(refined) AS refined
					      FROM analytics_day WHERE kind = 'search' AND need <> '' AND on_day BETWEEN :from AND :to
					      GROUP BY need) s
					LEFT JOIN (SELECT need, SUM(events) AS opened FROM analytics_day
					      WHERE kind = 'view' AND need <> '' AND on_day BETWEEN :from AND :to GROUP BY need) v
					  ON v.need = s.need
					WHERE s.searches >= :least""", range(from, to).addValue("least", least),
					(row, i) -> new Refining(row.getString("need"), row.getLong("searches"), row.getLong("zero"),
							row.getLong("refined"), row.getLong("opened")))
			.stream()
			.sorted((a, b) -> Double.compare(share(b), share(a)))
			.limit(TOP)
			.toList();
	}

	/** How much of a need's searching was refining or leaving without a service. */
	private static double share(Refining r) {
		return (double) (r.refined() + r.withoutOpening()) / r.searches();
	}

	/**
	 * Each publisher's service views and contact clicks; scope null for every publisher.
	 */
	List<PublisherUse> publishers(LocalDate from, LocalDate to, Set<String> scope) {
		MapSqlParameterSource parameters = range(from, to).addValue("scope", scope == null ? Set.of("") : scope);
		return this.jdbc.query("""
				SELECT p.id, p.name,
				    COALESCE(SUM(CASE WHEN d.kind = 'view' THEN d.events END), 0) AS views,
				    COALESCE(SUM(CASE WHEN d.kind = 'phone' THEN d.events END), 0) AS phone,
				    COALESCE(SUM(CASE WHEN d.kind = 'email' THEN d.events END), 0) AS email,
				    COALESCE(SUM(CASE WHEN d.kind = 'website' THEN d.events END), 0) AS website,
				    COALESCE(SUM(CASE WHEN d.kind = 'list' THEN d.events END), 0) AS list
				FROM publisher p
				LEFT JOIN analytics_day d ON d.publisher_id = p.id AND d.on_day BETWEEN :from AND :to
				WHERE %s
				GROUP BY p.id, p.name ORDER BY p.name""".formatted(scope == null ? "1 = 1" : "p.id IN (:scope)"),
				parameters,
				(row, i) -> new PublisherUse(row.getString("id"), row.getString("name"), row.getLong("views"),
						row.getLong("phone"), row.getLong("email"), row.getLong("website"), row.getLong("list")));
	}

	/**
	 * Services people can find whose page nobody opened in the 90 days to today, oldest
	 * listed first by name; scope null for every publisher.
	 */
	List<Unviewed> unviewed(LocalDate today, Set<String> scope, int most) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("since", today.minusDays(UNVIEWED_DAYS - 1L))
			.addValue("scope", scope == null ? Set.of("") : scope);
		return this.jdbc.query(
				"""
						SELECT s.id, s.name, p.name AS publisher FROM service s JOIN publisher p ON p.id = s.publisher_id
						WHERE %s AND %s AND NOT EXISTS (SELECT 1 FROM analytics_day d
						    WHERE d.kind = 'view' AND d.service_id = s.id AND d.on_day >= :since)
						ORDER BY p.name, s.name LIMIT %d"""
					.formatted(Service.FINDABLE, scope == null ? "1 = 1" : "s.publisher_id IN (:scope)", most),
				parameters,
				(row, i) -> new Unviewed(row.getString("id"), row.getString("name"), row.getString("publisher")));
	}

}
