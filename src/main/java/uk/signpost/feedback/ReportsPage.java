package uk.signpost.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Validity;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;
import uk.signpost.govuk.Tag;

/**
 * The report queue in its words: the filters as chosen, how many reports are in each
 * state, and a page of reports, newest first.
 *
 * @param total the reports in the filter, on every page
 */
record ReportsPage(ReportFilter filter, Map<ReportState, Long> counts, long total, List<Reports.Report> reports,
		List<Reports.PublisherName> publishers, MessageSourceAccessor text) {

	/** A state and how many reports in the other filters are in it, linking to them. */
	public record Count(String label, long count, String href, boolean current, Tag tag) {
	}

	public List<Count> stateCounts() {
		return this.counts.entrySet()
			.stream()
			.map(entry -> new Count(this.text.getMessage("report.state." + entry.getKey().key), entry.getValue(),
					this.filter.withState(entry.getKey().key).address(), entry.getKey().key.equals(this.filter.state()),
					tag(entry.getKey(), this.text)))
			.toList();
	}

	public Choices state() {
		List<Choice> items = new ArrayList<>();
		items.add(option("state", ReportFilter.OPEN, "reports.filter.state.open", this.filter.state()));
		for (ReportState state : ReportState.values()) {
			items.add(option("state", state.key, "report.state." + state.key, this.filter.state()));
		}
		items.add(option("state", ReportFilter.ALL, "reports.filter.state.all", this.filter.state()));
		return new Choices("state", "state", this.text.getMessage("reports.filter.state"), items);
	}

	public Choices publisher() {
		List<Choice> items = new ArrayList<>();
		items.add(new Choice("publisher-any", "publisher", "", this.text.getMessage("reports.filter.publisher.any"),
				this.filter.publisher() == null));
		this.publishers.forEach(p -> items.add(new Choice("publisher-" + p.id(), "publisher", p.id(), p.name(),
				p.id().equals(this.filter.publisher()))));
		return new Choices("publisher", "publisher", this.text.getMessage("reports.filter.publisher"), items);
	}

	public Choices problem() {
		List<Choice> items = new ArrayList<>();
		items.add(new Choice("problem-any", "problem", "", this.text.getMessage("reports.filter.problem.any"),
				this.filter.problem() == null));
		ReportForm.PROBLEMS.forEach(p -> items.add(option("problem", p, "report.problem." + p, this.filter.problem())));
		return new Choices("problem", "problem", this.text.getMessage("reports.filter.problem"), items);
	}

	public Choices age() {
		List<Choice> items = new ArrayList<>();
		items.add(new Choice("age-any", "age", "", this.text.getMessage("reports.filter.age.any"),
				this.filter.age() == null));
		ReportFilter.AGES.forEach(a -> items.add(option("age", a, "reports.filter.age." + a, this.filter.age())));
		return new Choices("age", "age", this.text.getMessage("reports.filter.age"), items);
	}

	private Choice option(String name, String value, String key, String chosen) {
		return new Choice(name + "-" + value, name, value, this.text.getMessage(key), Objects.equals(value, chosen));
	}

	public Table table() {
		List<List<Cell>> rows = this.reports.stream()
			.map(report -> List.of(Cell.link(when(report.createdAt(), this.text), "/manage/reports/" + report.id()),
					Cell.of(report.serviceName() == null ? report.serviceId() : report.serviceName()),
					Cell.of(report.publisherName() == null ? report.publisherId() : report.publisherName()),
					Cell.of(this.text.getMessage("report.problem." + report.problem())),
					Cell.of(this.text.getMessage("report.state." + report.state().key)),
					Cell.of(report.assignedName() == null ? this.text.getMessage("reports.nobody")
							: report.assignedName())))
			.toList();
		return new Table(this.text.getMessage("reports.caption", new Object[] { this.total }),
				List.of(this.text.getMessage("reports.received"), this.text.getMessage("reports.service"),
						this.text.getMessage("reports.publisher"), this.text.getMessage("reports.problem"),
						this.text.getMessage("reports.state"), this.text.getMessage("reports.assigned")),
				rows);
	}

	public PageLinks links() {
		return new PageLinks(this.filter.address());
	}

	static String when(Instant at, MessageSourceAccessor text) {
		return Dates.dateTime(at.atZone(Validity.UK), text);
	}

	static Tag tag(ReportState state, MessageSourceAccessor text) {
		String colour = switch (state) {
			case NEW -> "blue";
			case SENT -> "yellow";
			case FIXED -> "green";
			case NO_CHANGE -> "grey";
		};
		return new Tag(text.getMessage("report.state." + state.key), colour);
	}

}
