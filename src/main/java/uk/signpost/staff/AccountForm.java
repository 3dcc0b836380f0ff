package uk.signpost.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Add an account" as typed, normalised once, with what is wrong with it by field (each
 * error the key of its words).
 */
record AccountForm(String email, String name, String organisation, String role, List<String> publishers,
		String password) {

	/** The longest name or organisation, as the table holds them. */
	static final int LONGEST = 200;

	AccountForm {
		email = StaffAccounts.normalise(email);
		name = name == null ? "" : name.strip();
		organisation = organisation == null ? "" : organisation.strip();
		publishers = publishers == null ? List.of() : publishers.stream().filter(p -> !p.isBlank()).toList();
		password = password == null || password.isEmpty() ? null : password;
	}

	static AccountForm empty() {
		return new AccountForm(null, null, null, null, null, null);
	}

	Map<String, String> errors(Set<String> knownPublishers) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!uk.signpost.directory.Emails.valid(this.email)) {
			errors.put("email", "accounts.error.email");
		}
		if (this.name.isEmpty()) {
			errors.put("name", "accounts.error.name");
		}
		else if (this.name.length() > LONGEST) {
			errors.put("name", "accounts.error.name.long");
		}
		if (this.organisation.isEmpty()) {
			errors.put("organisation", "accounts.error.organisation");
		}
		else if (this.organisation.length() > LONGEST) {
			errors.put("organisation", "accounts.error.organisation.long");
		}
		Role role = Role.parse(this.role);
		if (role == null) {
			errors.put("role", "accounts.error.role");
		}
		else if (role == Role.PUBLISHER
				&& (this.publishers.isEmpty() || !knownPublishers.containsAll(this.publishers))) {
			errors.put("publishers", "accounts.error.publishers");
		}
		if (this.password != null && this.password.length() < StaffAccounts.SHORTEST_PASSWORD) {
			errors.put("password", "accounts.error.password");
		}
		else if (StaffAccounts.passwordTooLong(this.password)) {
			errors.put("password", "accounts.error.password.long");
		}
		return errors;
	}

	StaffAccounts.NewAccount account() {
		Role role = Role.parse(this.role);
		return new StaffAccounts.NewAccount(this.email, this.name, this.organisation, role,
				role == Role.PUBLISHER ? Set.copyOf(this.publishers) : Set.of(), this.password);
	}

}
