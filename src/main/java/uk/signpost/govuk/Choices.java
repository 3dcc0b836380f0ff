package uk.signpost.govuk;

import java.util.List;

/**
 * A question answered by choosing: radios (one), checkboxes (any) or a select (one from a
 * list). legend is the question (a select's label); hint and error may be null.
 */
public record Choices(String id, String name, String legend, String hint, String error, List<Choice> items) {

	public Choices(String id, String name, String legend, List<Choice> items) {
		this(id, name, legend, null, null, items);
	}

	/** The ids the group is described by: its hint and its error. */
	public String describedBy() {
		return Field.describedBy(this.id, this.hint, this.error);
	}

}
