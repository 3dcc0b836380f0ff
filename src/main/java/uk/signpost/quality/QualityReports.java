package uk.signpost.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.signpost.directory.DirectoryChanged;
import uk.signpost.directory.Validity;
import uk.signpost.geo.Gazetteer;
import uk.signpost.ingest.ApiProbe;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.ImportRunRepository;
import uk.signpost.ingest.Problem;
import uk.signpost.search.Delivery;

/**
 * The quality reports in quality_report: one per publisher after each import, made off
 * the import's own thread on the same hook as duplicates (DirectoryChanged), from the
 * directory's rows and the import's problems. Counts are kept for every report (the
 * trend); failing records only for each publisher's latest.
 */
@Component
public class QualityReports {

	private static final Logger log = LoggerFactory.getLogger(QualityReports.class);

	/** One count of a report: records a check applies to, and those failing it. */
	public record Count(int applicable, int failing) {

		/** Passing records as a whole percentage, rounded down so 99.6 is not "100". */
		public int percent() {
			return this.applicable == 0 ? 100
					: (int) Math.floor(100.0 * (this.applicable - this.failing) / this.applicable);
		}

	}

	/** A stored report: its counts by check (only the checks that applied). */
	public record Report(long id, String publisherId, Long importRunId, Instant checkedAt, int services,
			boolean apiFeed, Map<Check, Count> counts) {

		/** The mean of the checks' percentages, each check counting once. */
		public int score() {
			return this.counts.isEmpty() ? 100
					: (int) Math.floor(this.counts.values().stream().mapToInt(Count::percent).average().orElse(100));
		}

	}

	/** A failing record as stored. */
	public record Failure(Check check, String sourceId, String serviceId, String name, String detail) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ImportRunRepository runs;

	private final Gazetteer gazetteer;

	private final ApiProbe probe;

	private final Clock clock;

	private final boolean afterImport;

	private final MessageSourceAccessor text;

	QualityReports(JdbcTemplate jdbc, TransactionTemplate transactions, ImportRunRepository runs, Gazetteer gazetteer,
			ApiProbe probe, ObjectProvider<Clock> clock, MessageSource messages,
			@Value("${signpost.quality.after-import:true}") boolean afterImport) {
		this.text = new MessageSourceAccessor(messages);
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.runs = runs;
		this.gazetteer = gazetteer;
		this.probe = probe;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.afterImport = afterImport;
	}

	/** After an import, on a thread of its own: nothing a resident sees waits for it. */
	@Async
	@EventListener
	void onImport(DirectoryChanged change) {
		if (!this.afterImport || change.publisherId() == null) {
			return;
		}
		try {
			long start = System.nanoTime();
			Optional<Report> report = check(change.publisherId());
			report.ifPresent(r -> log.info("Data quality of {}: {}% over {} services in {} ms", r.publisherId(),
					r.score(), r.services(), Duration.ofNanos(System.nanoTime() - start).toMillis()));
		}
		catch (RuntimeException ex) {
			// The next import reports again; nothing a resident sees depends on it.
			log.warn("The data quality report of {} failed", change.publisherId(), ex);
		}
	}

	/**
	 * The report on a publisher's latest import, made now unless it is made already
	 * (empty when the publisher has never been imported).
	 */
	public synchronized Optional<Report> check(String publisherId) {
		ImportReport run = this.runs.findLatest(publisherId).orElse(null);
		if (run == null) {
			return Optional.empty();
		}
		Optional<Report> made = latest(publisherId).filter(r -> run.id().equals(r.importRunId()));
		return made.isPresent() ? made : Optional.of(make(publisherId, run));
	}

	/** A new report on this import of the publisher's, whether or not there is one. */
	synchronized Report make(String publisherId, ImportReport run) {
		List<Facts> services = facts(publisherId);
		Map<Check, Inspection.Outcome> outcomes = Inspection.inspect(services,
				findings(run.problems(), n -> this.text.getMessage("quality.check.valid.more", new Object[] { n })),
				Validity.today(this.clock), postcode -> this.gazetteer.postcode(postcode).isPresent());
		String api = apiBase(run, publisherId);
		if (api != null) {
			ApiChecks.run(this.probe, api).forEach((check, wrong) -> {
				Inspection.Outcome outcome = new Inspection.Outcome();
				if (wrong == null) {
					outcome.pass();
				}
				else {
					outcome.fail(new Inspection.Failure(null, null, null, wrong));
				}
				outcomes.put(check, outcome);
			});
		}
		long id = this.transactions
			.execute(status -> store(publisherId, run.id(), services.size(), api != null, outcomes));
		return latest(publisherId).filter(r -> r.id() == id).orElseThrow();
	}

	/** The base address of the API the latest run read, or null for files. */
	private String apiBase(ImportReport run, String publisherId) {
		if (run.source() == null || !run.source().matches("(?i)https?://.*")) {
			return null;
		}
		return this.jdbc.query("SELECT url FROM publisher WHERE id = ?", (rs, n) -> rs.getString(1), publisherId)
			.stream()
			.filter(url -> url != null)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The import's problems by the publisher's service id, each record's together (a
	 * vertical bar between them, as their own words have semicolons), at most
	 * {@link Inspection#WARNINGS} and then how many more (more words it); repeated ids
	 * apart.
	 */
	static Inspection.ImportFindings findings(List<Problem> problems, IntFunction<String> more) {
		Map<String, List<String>> warnings = new LinkedHashMap<>();
		Map<String, String> repeated = new LinkedHashMap<>();
		Map<String, String> emails = new LinkedHashMap<>();
		Map<String, String> web = new LinkedHashMap<>();
		for (Problem problem : problems) {
			if (problem.recordId() == null) {
				continue;
			}
			String what = problem.path() + ": " + problem.reason();
			if (ImportReport.repeatedId(problem)) {
				repeated.putIfAbsent(problem.recordId(), what);
			}
			else {
				warnings.computeIfAbsent(problem.recordId(), id -> new ArrayList<>()).add(what);
			}
			// A refused email or web address (ORUK's email, url and website fields).
			String field = problem.path() == null ? "" : problem.path().substring(problem.path().lastIndexOf('.') + 1);
			if (field.equals("email")) {
				emails.putIfAbsent(problem.recordId(), what);
			}
			else if (field.equals("url") || field.equals("website")) {
				web.putIfAbsent(problem.recordId(), what);
			}
		}
		Map<String, String> wrong = new LinkedHashMap<>();
		warnings.forEach((id, all) -> wrong
			.put(id, String.join(" | ", all.subList(0, Math.min(all.size(), Inspection.WARNINGS)))
					+ (all.size() > Inspection.WARNINGS ? " " + more.apply(all.size() - Inspection.WARNINGS) : "")));
		return new Inspection.ImportFindings(wrong, repeated, emails, web);
	}

	private long store(String publisherId, long importRunId, int services, boolean apiFeed,
			Map<Check, Inspection.Outcome> outcomes) {
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			var statement = connection.prepareStatement(
					"INSERT INTO quality_report (publisher_id, import_run_id, checked_at, services, api_feed) "
							+ "VALUES (?, ?, ?, ?, ?)",
					new String[] { "id" });
			statement.setString(1, publisherId);
			statement.setLong(2, importRunId);
			statement.setObject(3, OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			statement.setInt(4, services);
			statement.setBoolean(5, apiFeed);
			return statement;
		}, key);
		long id = key.getKey().longValue();
		List<Object[]> counts = new ArrayList<>();
		List<Object[]> failures = new ArrayList<>();
		outcomes.forEach((check, outcome) -> {
			if (outcome.applicable > 0) {
				counts.add(new Object[] { id, check.key(), outcome.applicable, outcome.failing });
			}
			outcome.kept.forEach(f -> failures.add(new Object[] { id, check.key(), cut(f.sourceId(), 500),
					f.serviceId(), cut(f.name(), 500), cut(f.detail(), 2000) }));
		});
		this.jdbc.batchUpdate(
				"INSERT INTO quality_count (report_id, check_key, applicable, failing) VALUES (?, ?, ?, ?)", counts);
		// Only the latest report's failing records are kept: the trend needs counts.
		this.jdbc.update("DELETE FROM quality_failure WHERE report_id IN "
				+ "(SELECT id FROM quality_report WHERE publisher_id = ? AND id < ?)", publisherId, id);
		this.jdbc.batchUpdate("INSERT INTO quality_failure (report_id, check_key, source_id, service_id, name, detail) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", failures);
		return id;
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** The publisher's current services as the checks see them, in eight queries. */
	private List<Facts> facts(String publisherId) {
		Map<String, Facts> services = new LinkedHashMap<>();
		String mine = " JOIN service s ON s.id = x.service_id WHERE s.publisher_id = ? AND s.withdrawn_at IS NULL";
		this.jdbc.query(
				"SELECT s.id, s.source_id, s.name, s.email, s.url, s.fees, s.minimum_age, s.maximum_age, "
						+ "s.eligibility_description, s.assured_date, s.assurer_email, o.website FROM service s "
						+ "LEFT JOIN organization o ON o.id = s.organization_id "
						+ "WHERE s.publisher_id = ? AND s.withdrawn_at IS NULL ORDER BY s.source_id",
				(RowCallbackHandler) rs -> {
					Facts f = new Facts(rs.getString(1), rs.getString(2), rs.getString(3));
					Facts.add(f.emails, rs.getString(4));
					Facts.add(f.webAddresses, rs.getString(5));
					f.fees = rs.getString(6);
					f.minimumAge = rs.getObject(7, Integer.class);
					f.maximumAge = rs.getObject(8, Integer.class);
					f.eligibility = rs.getString(9);
					f.assuredDate = rs.getObject(10, LocalDate.class);
					f.assurerEmail = rs.getString(11);
					Facts.add(f.webAddresses, rs.getString(12));
					services.put(f.id, f);
				}, publisherId);
		each("SELECT x.service_id, x.number FROM phone x" + mine, publisherId, services,
				(f, rs) -> Facts.add(f.phones, rs.getString(2)));
		each("SELECT x.service_id, x.email FROM contact x" + mine, publisherId, services,
				(f, rs) -> Facts.add(f.emails, rs.getString(2)));
		each("SELECT x.service_id, l.location_type, a.postal_code FROM service_at_location x "
				+ "JOIN location l ON l.id = x.location_id LEFT JOIN address a ON a.location_id = l.id" + mine,
				publisherId, services, (f, rs) -> {
					f.remote |= "virtual".equals(rs.getString(2));
					Facts.add(f.postcodes, rs.getString(3));
				});
		each("SELECT x.service_id FROM service_area x" + mine, publisherId, services, (f, rs) -> f.serviceArea = true);
		each("SELECT x.service_id, x.valid_to FROM schedule x" + mine, publisherId, services, (f, rs) -> {
			f.schedules++;
			f.validTo.add(rs.getObject(2, LocalDate.class));
		});
		each("SELECT x.service_id, x.valid_to FROM cost_option x" + mine, publisherId, services, (f, rs) -> {
			f.costOptions++;
			f.validTo.add(rs.getObject(2, LocalDate.class));
		});
		// A term naming how it is delivered ("By phone", "Online") is not a category of
		// need, but says the service is remote.
		each("SELECT x.service_id, t.name FROM attribute x JOIN taxonomy_term t ON t.id = x.taxonomy_term_id" + mine,
				publisherId, services, (f, rs) -> {
					String mode = rs.getString(2) == null ? null : Delivery.ofTerm(rs.getString(2));
					f.category |= mode == null;
					f.remote |= mode != null && !mode.equals(Delivery.IN_PERSON);
				});
		return new ArrayList<>(services.values());
	}

	private interface RowInto {

		void read(Facts facts, ResultSet rs) throws SQLException;

	}

	private void each(String sql, String publisherId, Map<String, Facts> services, RowInto into) {
		this.jdbc.query(sql, (RowCallbackHandler) rs -> {
			Facts facts = services.get(rs.getString(1));
			if (facts != null) {
				into.read(facts, rs);
			}
		}, publisherId);
	}

	/** How many of a publisher's services residents can find now. */
	public int findable(String publisherId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM service s WHERE s.publisher_id = ? AND " + uk.signpost.directory.Service.FINDABLE,
				Integer.class, publisherId);
		return count == null ? 0 : count;
	}

	/** A publisher's latest report. */
	public Optional<Report> latest(String publisherId) {
		return recent(publisherId, 1).stream().findFirst();
	}

	/** A publisher's latest reports, newest first. */
	public List<Report> recent(String publisherId, int limit) {
		List<Report> reports = this.jdbc.query(
				"SELECT * FROM quality_report WHERE publisher_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
				(rs, n) -> new Report(rs.getLong("id"), rs.getString("publisher_id"),
						rs.getObject("import_run_id", Long.class),
						rs.getObject("checked_at", OffsetDateTime.class).toInstant(), rs.getInt("services"),
						rs.getBoolean("api_feed"), new EnumMap<>(Check.class)),
				publisherId, limit);
		if (reports.isEmpty()) {
			return reports;
		}
		Map<Long, Report> byId = new HashMap<>();
		reports.forEach(r -> byId.put(r.id(), r));
		this.jdbc.query(
				"SELECT c.report_id, c.check_key, c.applicable, c.failing FROM quality_count c "
						+ "JOIN quality_report r ON r.id = c.report_id WHERE r.publisher_id = ? AND r.id >= ?",
				(RowCallbackHandler) rs -> {
					Report report = byId.get(rs.getLong(1));
					Check check = Check.of(rs.getString(2));
					if (report != null && check != null) {
						report.counts().put(check, new Count(rs.getInt(3), rs.getInt(4)));
					}
				}, publisherId, reports.get(reports.size() - 1).id());
		return reports;
	}

	/** The latest report's failing records of one check (or every check: null). */
	public List<Failure> failures(long reportId, Check check, int offset, int limit) {
		return this.jdbc.query(
				"SELECT * FROM quality_failure WHERE report_id = ?" + (check == null ? "" : " AND check_key = ?")
						+ " ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, n) -> new Failure(Check.of(rs.getString("check_key")), rs.getString("source_id"),
						rs.getString("service_id"), rs.getString("name"), rs.getString("detail")),
				check == null ? new Object[] { reportId, offset, limit }
						: new Object[] { reportId, check.key(), offset, limit });
	}

}
