package uk.signpost.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;
import uk.signpost.govuk.SummaryRow;
import uk.signpost.govuk.SummaryRow.Line;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;
import uk.signpost.staff.StaffAccounts;

/**
 * One report in the workspace, in its words: what was reported, where it has got to, its
 * forms (state, assignment, a note) with what was typed and their errors, and its
 * history.
 *
 * @param council whether the person works for the council (admin or curator): only they
 * see the resident's email, which is never given to publishers
 * @param errors each field's error, as the key of its words
 * @param typed what was sent in a form that had an error, by field
 */
record ReportDetailPage(Reports.Report report, List<Reports.Event> history, List<StaffAccounts.Account> accounts,
		boolean council, Map<String, String> errors, Map<String, String> typed, MessageSourceAccessor text) {

	public String title() {
		String title = this.text.getMessage("reports.report.title", new Object[] { String.valueOf(this.report.id()),
				this.report.serviceName() == null ? this.report.serviceId() : this.report.serviceName() });
		return this.errors.isEmpty() ? title : this.text.getMessage("page.title.error", new Object[] { title });
	}

	public String caption() {
		return this.text.getMessage("reports.report.caption", new Object[] { String.valueOf(this.report.id()) });
	}

	public boolean open() {
		return this.report.state().isOpen();
	}

	public List<SummaryRow> summary() {
		List<SummaryRow> rows = new ArrayList<>();
		rows.add(SummaryRow.of(this.text.getMessage("reports.report.service"),
				List.of(Line.link(
						this.report.serviceName() == null ? this.report.serviceId() : this.report.serviceName(),
						"/services/" + this.report.serviceId()))));
		rows.add(row("reports.report.publisher",
				this.report.publisherName() == null ? this.report.publisherId() : this.report.publisherName()));
		rows.add(row("reports.report.problem", this.text.getMessage("report.problem." + this.report.problem())));
		rows.add(row("reports.report.correction", this.report.correction() == null
				? this.text.getMessage("reports.report.correction.none") : this.report.correction()));
		rows.add(row("reports.report.received", ReportsPage.when(this.report.createdAt(), this.text)));
		rows.add(SummaryRow.of(this.text.getMessage("reports.report.state"), List.of())
			.tagged(ReportsPage.tag(this.report.state(), this.text)));
		if (this.report.reason() != null) {
			rows.add(row("reports.report.reason", this.report.reason()));
		}
		rows.add(row("reports.report.assigned", this.report.assignedName() == null
				? this.text.getMessage("reports.nobody") : this.report.assignedName()));
		if (this.council) {
			rows.add(row("reports.report.email", this.report.email() == null
					? this.text.getMessage("reports.report.email.none") : this.report.email()));
		}
		return rows;
	}

	private SummaryRow row(String key, String value) {
		return SummaryRow.of(this.text.getMessage(key), List.of(Line.text(value)));
	}

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		// The first radio is where the state is chosen; a closed report has none.
		this.errors.forEach((field, key) -> problems
			.add(new Problem("#" + (field.equals("state") && !next().isEmpty() ? "state-" + next().get(0).key : field),
					error(field))));
		return problems;
	}

	private String error(String field) {
		String key = this.errors.get(field);
		return key == null ? null
				: this.text.getMessage(key, new Object[] { String.valueOf(ReportsController.LONGEST) });
	}

	private List<ReportState> next() {
		return this.report.state().next();
	}

	public Choices state() {
		List<Choice> items = next().stream()
			.map(state -> new Choice("state-" + state.key, "state", state.key,
					this.text.getMessage("report.state." + state.key), state.key.equals(this.typed.get("state"))))
			.toList();
		return new Choices("state", "state", this.text.getMessage("reports.change.legend"), null, error("state"),
				items);
	}

	public Field reason() {
		return new Field("reason", "reason", null, this.text.getMessage("reports.change.reason"),
				this.text.getMessage("reports.change.reason.hint"), this.typed.get("reason"), error("reason"), null,
				null, null);
	}

	public Choices account() {
		List<Choice> items = new ArrayList<>();
		items.add(new Choice("account-none", "account", "", this.text.getMessage("reports.nobody"),
				this.report.assignedTo() == null));
		this.accounts.forEach(a -> items.add(new Choice("account-" + a.id(), "account", String.valueOf(a.id()),
				a.organisation().isBlank() ? a.name() : a.name() + ", " + a.organisation(),
				Long.valueOf(a.id()).equals(this.report.assignedTo()))));
		return new Choices("account", "account", this.text.getMessage("reports.assign.label"), null, error("account"),
				items);
	}

	public Field note() {
		return new Field("note", "note", null, this.text.getMessage("reports.note.label"),
				this.text.getMessage("reports.note.hint"), this.typed.get("note"), error("note"), null, null, null);
	}

	public Table historyTable() {
		List<List<Cell>> rows = this.history.stream()
			.map(event -> List.of(Cell.of(ReportsPage.when(event.at(), this.text)),
					Cell.of(event.who() == null ? this.text.getMessage("reports.history.signpost") : event.who()),
					Cell.of(what(event))))
			.toList();
		return new Table(
				this.text.getMessage("reports.history"), List.of(this.text.getMessage("reports.history.when"),
						this.text.getMessage("reports.history.who"), this.text.getMessage("reports.history.what")),
				rows);
	}

	private String what(Reports.Event event) {
		return switch (event.kind()) {
			case "state" -> event.text() == null
					? this.text.getMessage("reports.history.state",
							new Object[] { this.text.getMessage("report.state." + event.status()) })
					: this.text.getMessage("reports.history.state.reason",
							new Object[] { this.text.getMessage("report.state." + event.status()), event.text() });
			case "notEmailed", "notTold" ->
				this.text.getMessage("reports.history." + event.kind() + "." + event.text());
			default -> this.text.getMessage("reports.history." + event.kind(),
					new Object[] { event.text() == null ? "" : event.text() });
		};
	}

}
