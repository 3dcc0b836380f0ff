package uk.signpost.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Service;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;

/**
 * The report page's questions, as typed and with their errors, in the page's words.
 *
 * @param errors each field's error, as the key of its words
 */
record ReportPage(Service service, ReportForm form, Map<String, String> errors, MessageSourceAccessor text) {

	/**
	 * A report about an abuse service offers "Exit this page", as the service page does.
	 */
	public boolean sensitive() {
		return uk.signpost.directory.Sensitive.about(this.service.name());
	}

	public String title() {
		String title = this.text.getMessage("report.title", new Object[] { this.service.name() });
		return this.errors.isEmpty() ? title : this.text.getMessage("page.title.error", new Object[] { title });
	}

	private String error(String field) {
		String key = this.errors.get(field);
		return key == null ? null : this.text.getMessage(key, new Object[] { String.valueOf(ReportForm.LONGEST) });
	}

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		// The first radio is where "What is wrong?" is answered.
		this.errors.keySet()
			.forEach(field -> problems
				.add(new Problem("#" + (field.equals("problem") ? "problem-phone" : field), error(field))));
		return problems;
	}

	public Choices problem() {
		List<Choice> items = ReportForm.PROBLEMS.stream()
			.map(problem -> new Choice("problem-" + problem, "problem", problem,
					this.text.getMessage("report.problem." + problem), problem.equals(this.form.problem())))
			.toList();
		return new Choices("problem", "problem", this.text.getMessage("report.problem.legend"), null, error("problem"),
				items);
	}

	public Field correction() {
		return new Field("correction", "correction", null, this.text.getMessage("report.correction.label"),
				this.text.getMessage("report.correction.hint"), this.form.correction(), error("correction"), null, null,
				null);
	}

	public Field email() {
		return new Field("email", "email", "email", this.text.getMessage("report.email.label"),
				this.text.getMessage("report.email.hint"), this.form.email(), error("email"), null, null, "email");
	}

}
