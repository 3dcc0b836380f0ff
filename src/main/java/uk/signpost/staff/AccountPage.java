package uk.signpost.staff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Publisher;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;

/** "Add an account": its questions as typed, with their errors, in the page's words. */
record AccountPage(AccountForm form, Map<String, String> errors, List<Publisher> knownPublishers,
		MessageSourceAccessor text) {

	public String title() {
		String title = this.text.getMessage("accounts.new.title");
		return this.errors.isEmpty() ? title : this.text.getMessage("page.title.error", new Object[] { title });
	}

	private String error(String field) {
		String key = this.errors.get(field);
		return key == null ? null
				: this.text.getMessage(key, new Object[] { String.valueOf(StaffAccounts.SHORTEST_PASSWORD),
						String.valueOf(StaffAccounts.LONGEST_PASSWORD_BYTES), String.valueOf(AccountForm.LONGEST) });
	}

	public List<Problem> problems() {
		List<Problem> problems = new ArrayList<>();
		this.errors.keySet().forEach(field -> problems.add(new Problem("#" + switch (field) {
			case "role" -> "role-admin";
			case "publishers" ->
				"publishers-" + (this.knownPublishers.isEmpty() ? "" : this.knownPublishers.get(0).id());
			default -> field;
		}, error(field))));
		return problems;
	}

	private Field field(String name, String type, String value, String autocomplete) {
		String hint = this.text.getMessage("accounts.new." + name + ".hint", (String) null);
		return new Field(name, name, type, this.text.getMessage("accounts.new." + name), hint, value, error(name), null,
				null, autocomplete);
	}

	public Field email() {
		return field("email", "email", this.form.email(), "off");
	}

	public Field name() {
		return field("name", "text", this.form.name(), "off");
	}

	public Field organisation() {
		return field("organisation", "text", this.form.organisation(), "off");
	}

	public Field password() {
		return field("password", "password", null, "new-password");
	}

	public Choices role() {
		List<Choice> items = Arrays.stream(Role.values())
			.map(role -> new Choice("role-" + role.key(), "role", role.key(),
					this.text.getMessage("role." + role.key()) + " – "
							+ this.text.getMessage("role." + role.key() + ".can"),
					role.key().equals(this.form.role())))
			.toList();
		return new Choices("role", "role", this.text.getMessage("accounts.new.role"), null, error("role"), items);
	}

	public Choices publishers() {
		List<Choice> items = this.knownPublishers.stream()
			.map(publisher -> new Choice("publishers-" + publisher.id(), "publishers", publisher.id(), publisher.name(),
					this.form.publishers().contains(publisher.id())))
			.toList();
		return new Choices("publishers", "publishers", this.text.getMessage("accounts.new.publishers"),
				this.text.getMessage("accounts.new.publishers.hint"), error("publishers"), items);
	}

}
