package uk.signpost.quality;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Publisher;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.SummaryRow;
import uk.signpost.govuk.Table;

/**
 * What the data quality pages show, every word from messages (quality.*): the public page
 * of a publisher, and the workspace's list, publisher and check pages. The public page
 * has counts only: no record, and so no person's name, number or address.
 */
final class QualityPages {

	/** Trend: reports shown. */
	static final int TREND = 10;

	/** Failing records a page. */
	static final int PAGE = 50;

	private QualityPages() {
	}

	/**
	 * /publishers/{id}. report null: not checked yet.
	 */
	record PublisherPage(String title, List<SummaryRow> summary, String score, Table checks, Table trend) {
	}

	/** /manage/quality: the publishers the person may see. */
	record ListPage(Table publishers, String none) {
	}

	/** /manage/quality/{publisher}. */
	record ReportPage(String title, String publisherId, List<SummaryRow> summary, Table checks, Table trend, String csv,
			String publicPage) {
	}

	/** /manage/quality/{publisher}/{check}. */
	record CheckPage(String title, String publisherId, String means, String fix, String count, Table records,
			String csv, PageLinks links, int number, int pages) {
	}

	static PublisherPage publisher(Publisher publisher, int findable, List<QualityReports.Report> recent,
			MessageSourceAccessor text) {
		QualityReports.Report report = recent.isEmpty() ? null : recent.get(0);
		List<SummaryRow> summary = new ArrayList<>();
		summary.add(row(text.getMessage("quality.publisher.services"),
				text.getMessage("quality.count.services", new Object[] { findable })));
		summary.add(row(text.getMessage("quality.publisher.imported"), publisher.lastImportedAt() == null
				? text.getMessage("quality.never") : when(publisher.lastImportedAt(), text)));
		if (report != null) {
			summary.add(row(text.getMessage("quality.publisher.score"), percent(report.score(), text)));
		}
		Table checks = report == null ? null : checks(report, recent, false, text);
		return new PublisherPage(publisher.name(), summary,
				report == null ? text.getMessage("quality.none") : text.getMessage("quality.score.explained"), checks,
				trend(recent, text));
	}

	static ListPage list(List<Publisher> publishers, Map<String, QualityReports.Report> latest,
			MessageSourceAccessor text) {
		List<List<Table.Cell>> rows = new ArrayList<>();
		for (Publisher publisher : publishers) {
			QualityReports.Report report = latest.get(publisher.id());
			rows.add(List.of(Table.Cell.link(publisher.name(), "/manage/quality/" + publisher.id()),
					Table.Cell.of(report == null ? "" : String.valueOf(report.services())),
					Table.Cell.of(report == null ? text.getMessage("quality.never") : when(report.checkedAt(), text)),
					Table.Cell.of(report == null ? "" : percent(report.score(), text))));
		}
		return new ListPage(
				new Table(text.getMessage("quality.list.caption"),
						List.of(text.getMessage("quality.column.publisher"), text.getMessage("quality.column.services"),
								text.getMessage("quality.column.checked"), text.getMessage("quality.column.score")),
						List.of(false, true, false, true), rows),
				rows.isEmpty() ? text.getMessage("quality.list.none") : null);
	}

	/**
	 * findable: the publisher's services people can find now, counted as the public page
	 * counts them ({@link QualityReports#findable}); the report's own count is of every
	 * record it checked, inactive ones too.
	 */
	static ReportPage report(Publisher publisher, int findable, List<QualityReports.Report> recent,
			MessageSourceAccessor text) {
		QualityReports.Report report = recent.isEmpty() ? null : recent.get(0);
		List<SummaryRow> summary = new ArrayList<>();
		if (report != null) {
			summary.add(row(text.getMessage("quality.publisher.checked"), when(report.checkedAt(), text)));
			summary.add(row(text.getMessage("quality.publisher.services"),
					text.getMessage("quality.count.services", new Object[] { findable })));
			summary.add(row(text.getMessage("quality.publisher.records"),
					text.getMessage("quality.count.records", new Object[] { report.services() })));
			summary.add(row(text.getMessage("quality.publisher.score"), percent(report.score(), text)));
		}
		return new ReportPage(publisher.name(), publisher.id(), summary,
				report == null ? null : checks(report, recent, true, text), trend(recent, text),
				"/manage/quality/" + publisher.id() + "/records.csv", "/publishers/" + publisher.id());
	}

	static CheckPage check(Publisher publisher, Check check, QualityReports.Count count,
			List<QualityReports.Failure> failures, int number, MessageSourceAccessor text) {
		List<List<Table.Cell>> rows = new ArrayList<>();
		for (QualityReports.Failure failure : failures) {
			rows.add(List.of(Table.Cell.of(failure.sourceId() == null ? "" : failure.sourceId()),
					failure.serviceId() == null ? Table.Cell.of(failure.name() == null ? "" : failure.name())
							: Table.Cell.link(failure.name(), "/services/" + failure.serviceId()),
					Table.Cell.of(detail(check, failure, text))));
		}
		int failing = count == null ? 0 : count.failing();
		int kept = Math.min(failing, Inspection.KEPT);
		int pages = Math.max(1, (kept + PAGE - 1) / PAGE);
		String base = "/manage/quality/" + publisher.id() + "/" + check.key();
		return new CheckPage(name(check, text), publisher.id(),
				text.getMessage("quality.check." + check.key() + ".means"),
				text.getMessage("quality.check." + check.key() + ".fix"),
				count == null ? text.getMessage("quality.check.none")
						: text.getMessage(failing > kept ? "quality.check.count.kept" : "quality.check.count",
								new Object[] { failing, count.applicable(), kept }),
				new Table(text.getMessage("quality.records.caption"),
						List.of(text.getMessage("quality.column.record"), text.getMessage("quality.column.service"),
								text.getMessage("quality.column.wrong")),
						rows),
				"/manage/quality/" + publisher.id() + "/records.csv?check=" + check.key(), new PageLinks(base), number,
				pages);
	}

	/** The failing records as CSV rows, for the publisher's own team. */
	static Table csv(List<QualityReports.Failure> failures, MessageSourceAccessor text) {
		List<List<Table.Cell>> rows = new ArrayList<>();
		for (QualityReports.Failure failure : failures) {
			rows.add(List.of(Table.Cell.of(name(failure.check(), text)), Table.Cell.of(failure.sourceId()),
					Table.Cell.of(failure.name()), Table.Cell.of(failure.serviceId()),
					Table.Cell.of(detail(failure.check(), failure, text)),
					Table.Cell.of(text.getMessage("quality.check." + failure.check().key() + ".fix"))));
		}
		return new Table("",
				List.of(text.getMessage("quality.column.check"), text.getMessage("quality.column.record"),
						text.getMessage("quality.column.service"), text.getMessage("quality.column.signpostId"),
						text.getMessage("quality.column.wrong"), text.getMessage("quality.column.fix")),
				rows);
	}

	/** What is wrong: the stored value, or the check's words for "missing". */
	private static String detail(Check check, QualityReports.Failure failure, MessageSourceAccessor text) {
		return failure.detail() == null || failure.detail().isEmpty()
				? text.getMessage("quality.check." + check.key() + ".missing") : failure.detail();
	}

	/**
	 * Each check that applied: its name (a link to its records in the workspace), its
	 * score, records passing, what it means (how to fix it, in the workspace) and its
	 * scores over the last reports.
	 */
	private static Table checks(QualityReports.Report report, List<QualityReports.Report> recent, boolean workspace,
			MessageSourceAccessor text) {
		List<List<Table.Cell>> rows = new ArrayList<>();
		for (Check check : Check.values()) {
			QualityReports.Count count = report.counts().get(check);
			if (count == null) {
				continue;
			}
			Table.Cell name = workspace && count.failing() > 0
					? Table.Cell.link(name(check, text), "/manage/quality/" + report.publisherId() + "/" + check.key())
					: Table.Cell.of(name(check, text));
			List<String> trend = new ArrayList<>();
			for (QualityReports.Report earlier : recent) {
				QualityReports.Count then = earlier.counts().get(check);
				trend.add(then == null ? "–" : then.percent() + "%");
			}
			Collections.reverse(trend);
			rows.add(List.of(name, Table.Cell.of(percent(count.percent(), text)),
					Table.Cell.of(text.getMessage("quality.passing",
							new Object[] { count.applicable() - count.failing(), count.applicable() })),
					Table.Cell.of(text.getMessage(workspace ? "quality.check." + check.key() + ".fix"
							: "quality.check." + check.key() + ".means")),
					Table.Cell.of(String.join(" → ", trend))));
		}
		// The score next to the check's name, so a phone shows both before the table
		// scrolls; the long words after the figures.
		return new Table(text.getMessage("quality.checks.caption"),
				List.of(text.getMessage("quality.column.check"), text.getMessage("quality.column.score"),
						text.getMessage("quality.column.passing"),
						text.getMessage(workspace ? "quality.column.fix" : "quality.column.means"),
						text.getMessage("quality.column.trend")),
				List.of(false, true, true, false, false), rows);
	}

	private static Table trend(List<QualityReports.Report> recent, MessageSourceAccessor text) {
		if (recent.isEmpty()) {
			return null;
		}
		List<List<Table.Cell>> rows = new ArrayList<>();
		for (QualityReports.Report report : recent) {
			rows.add(List.of(Table.Cell.of(when(report.checkedAt(), text)),
					Table.Cell.of(String.valueOf(report.services())), Table.Cell.of(percent(report.score(), text))));
		}
		return new Table(
				text.getMessage("quality.trend.caption"), List.of(text.getMessage("quality.column.checked"),
						text.getMessage("quality.column.services"), text.getMessage("quality.column.score")),
				List.of(false, true, true), rows);
	}

	static String name(Check check, MessageSourceAccessor text) {
		return text.getMessage("quality.check." + check.key() + ".name");
	}

	private static String percent(int percent, MessageSourceAccessor text) {
		return text.getMessage("quality.percent", new Object[] { percent });
	}

	private static String when(Instant at, MessageSourceAccessor text) {
		return Dates.dateTime(ZonedDateTime.ofInstant(at, Validity.UK), text);
	}

	private static SummaryRow row(String key, String value) {
		return SummaryRow.of(key, List.of(SummaryRow.Line.text(value)));
	}

}
