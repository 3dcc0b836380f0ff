package uk.signpost.staff;

import java.util.List;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;

/**
 * The sign-in page in its words. Whatever went wrong (no such account, a wrong password,
 * a locked or disabled account) it says the same, so the page never tells whether an
 * email has an account.
 */
record SignInPage(boolean failed, boolean signedOut, String typedEmail, List<ClientRegistration> registrations,
		MessageSourceAccessor text) {

	/** A council's identity provider to sign in with. */
	public record Provider(String href, String name) {
	}

	public String title() {
		String title = this.text.getMessage("signin.title");
		return this.failed ? this.text.getMessage("page.title.error", new Object[] { title }) : title;
	}

	public List<Problem> problems() {
		return this.failed
				? List.of(new Problem("#email",
						this.text.getMessage("signin.error",
								new Object[] { StaffAccounts.MOST_FAILURES, StaffAccounts.LOCKED_FOR.toMinutes() })))
				: List.of();
	}

	public Field email() {
		return new Field("email", "email", "email", this.text.getMessage("signin.email"), null, this.typedEmail,
				this.failed ? this.text.getMessage("signin.error.field") : null, null, null, "username");
	}

	public Field password() {
		return new Field("password", "password", "password", this.text.getMessage("signin.password"), null, null,
				this.failed ? this.text.getMessage("signin.error.field") : null, null, null, "current-password");
	}

	public List<Provider> providers() {
		return this.registrations.stream()
			.map(registration -> new Provider("/oauth2/authorization/" + registration.getRegistrationId(),
					this.text.getMessage("signin.provider", new Object[] { registration.getClientName() })))
			.toList();
	}

}
