package uk.signpost.staff;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import uk.signpost.WebTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in to the workspace through the real filter chain, database and password
 * hashes: who gets in, what each role may open, locking, disabling, signing out and the
 * audit log. Tokens come from the pages themselves, as a browser's would.
 */
class StaffSignInTest extends WebTest {

	static final String PASSWORD = "correct horse battery staple";

	@Autowired
	StaffAccounts accounts;

	@BeforeEach
	void accounts() {
		Staffing.reset(this.jdbc);
		this.accounts.add(new StaffAccounts.NewAccount("Admin@Example.org", "Ada Admin", "Lancashire County Council",
				Role.ADMIN, Set.of(), PASSWORD), Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("curator@example.org", "Cal Curator",
				"Lancashire County Council", Role.CURATOR, Set.of(), PASSWORD), Instant.now());
	}

	/** The token in a page's form, for the session the page was shown in. */
	static String token(String page) {
		return Staffing.token(page);
	}

	MvcResult signIn(MockHttpSession session, String email, String password) throws Exception {
		String page = this.mvc.perform(get("/sign-in").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.mvc
			.perform(post("/sign-in").session(session)
				.param("email", email)
				.param("password", password)
				.param("_csrf", token(page)))
			.andReturn();
	}

	@Test
	void anonymousPeopleAreSentToSignInAndTheWorkspaceIsNeverCached() throws Exception {
		for (String path : new String[] { "/manage", "/manage/accounts", "/manage/audit", "/manage/reports" }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/sign-in"));
		}
		var page = this.mvc.perform(get("/sign-in")).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("Sign in to the Signpost workspace")
			.contains("autocomplete=\"current-password\"");
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'");
	}

	@Test
	void theRightPasswordSignsInWhateverTheEmailsCaseAndIsAudited() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MvcResult result = signIn(session, "  ADMIN@example.org ", PASSWORD);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/manage");
		MockHttpSession signedIn = (MockHttpSession) result.getRequest().getSession(false);
		String home = this.mvc.perform(get("/manage").session(signedIn))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("Ada Admin, Lancashire County Council").contains("Sign out").contains("Audit log");
		assertThat(
				this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'admin@example.org'", String.class))
			.contains("signed-in");
		assertThat(this.accounts.find("admin@example.org").orElseThrow().lastSignedIn()).isNotNull();
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailReadTheSame() throws Exception {
		MvcResult wrong = signIn(new MockHttpSession(), "admin@example.org", "not the password at all");
		MvcResult unknown = signIn(new MockHttpSession(), "nobody@example.org", PASSWORD);
		assertThat(wrong.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error")
			.isEqualTo(unknown.getResponse().getRedirectedUrl());
		String page = this.mvc.perform(get("/sign-in?error"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("There is a problem")
			.contains("Enter a correct email address and password")
			.contains("<title>Error: Sign in");
		// The email typed is offered again, in the session the attempt was made in.
		String again = this.mvc
			.perform(get("/sign-in?error").session((MockHttpSession) wrong.getRequest().getSession()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again).contains("value=\"admin@example.org\"");
		// The unknown email left nothing behind; the known one counted a failure.
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE actor = 'nobody@example.org'",
				Integer.class))
			.isZero();
		assertThat(this.accounts.find("admin@example.org").orElseThrow().failedSignIns()).isEqualTo(1);
	}

	@Test
	void fiveWrongPasswordsLockTheAccountSoEvenTheRightOneFails() throws Exception {
		for (int i = 0; i < StaffAccounts.MOST_FAILURES; i++) {
			signIn(new MockHttpSession(), "curator@example.org", "wrong password " + i);
		}
		assertThat(this.accounts.find("curator@example.org").orElseThrow().lockedAt(Instant.now())).isTrue();
		MvcResult locked = signIn(new MockHttpSession(), "curator@example.org", PASSWORD);
		assertThat(locked.getResponse().getRedirectedUrl()).isEqualTo("/sign-in?error");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'curator@example.org'",
				String.class))
			.contains("locked")
			.doesNotContain("signed-in");
		// Unlocked (by time, here by an administrator), the right password works again.
		this.accounts.setEnabled("curator@example.org", true);
		assertThat(signIn(new MockHttpSession(), "curator@example.org", PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/manage");
	}

	@Test
	void onlyAdminsOpenAccountsAndTheAuditLog() throws Exception {
		MockHttpSession curator = (MockHttpSession) signIn(new MockHttpSession(), "curator@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		// The workspace's own refusal, not the stale-form page (its words:
		// WorkspaceJourneyTest).
		this.mvc.perform(get("/manage/accounts").session(curator))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/manage/forbidden"));
		this.mvc.perform(get("/manage/audit").session(curator)).andExpect(status().isForbidden());
		String home = this.mvc.perform(get("/manage").session(curator)).andReturn().getResponse().getContentAsString();
		assertThat(home).doesNotContain("/manage/accounts").doesNotContain("/manage/audit");

		MockHttpSession admin = (MockHttpSession) signIn(new MockHttpSession(), "admin@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		String accounts = this.mvc.perform(get("/manage/accounts").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(accounts).contains("curator@example.org").contains("Curator").contains("Every publisher");
		String audit = this.mvc.perform(get("/manage/audit?page=zz").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(audit).contains("signed-in").doesNotContain(PASSWORD);
	}

	@Test
	void aDisabledAccountIsSignedOutAtItsNextRequest() throws Exception {
		MockHttpSession curator = (MockHttpSession) signIn(new MockHttpSession(), "curator@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/manage").session(curator)).andExpect(status().isOk());
		this.accounts.setEnabled("curator@example.org", false);
		this.mvc.perform(get("/manage").session(curator)).andExpect(redirectedUrl("/sign-in"));
		assertThat(signIn(new MockHttpSession(), "curator@example.org", PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/sign-in?error");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession admin = (MockHttpSession) signIn(new MockHttpSession(), "admin@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		String home = this.mvc.perform(get("/manage").session(admin)).andReturn().getResponse().getContentAsString();
		// A forged sign-out is refused: WorkspaceTokensTest, through a real port.
		this.mvc.perform(post("/sign-out").session(admin).param("_csrf", token(home)))
			.andExpect(redirectedUrl("/sign-in?signed-out"));
		this.mvc.perform(get("/manage").session(admin)).andExpect(redirectedUrl("/sign-in"));
		assertThat(this.mvc.perform(get("/sign-in?signed-out")).andReturn().getResponse().getContentAsString())
			.contains("You have signed out");
		assertThat(
				this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'admin@example.org'", String.class))
			.contains("signed-out");
	}

	@Test
	void adminsAddDisableAndEnableAccountsInTheWorkspace() throws Exception {
		load("council", resource("every-field.json"));
		MockHttpSession admin = (MockHttpSession) signIn(new MockHttpSession(), "admin@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		String form = this.mvc.perform(get("/manage/accounts/new").session(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Add an account").contains("value=\"council\"");
		// Wrong answers: each said beside its question, nothing added.
		String refused = this.mvc
			.perform(post("/manage/accounts").session(admin)
				.param("_csrf", token(form))
				.param("email", "not an email")
				.param("role", "publisher")
				.param("password", "short"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("There is a problem")
			.contains("Enter an email address in the correct format")
			.contains("Enter their full name")
			.contains("Select the publishers a publisher account works on")
			.contains("The password must be at least 12 characters")
			.doesNotContain("value=\"short\"");
		// bcrypt reads 72 bytes: a longer password is said to be too long, never a 500.
		assertThat(this.mvc
			.perform(post("/manage/accounts").session(admin)
				.param("_csrf", token(refused))
				.param("email", "long@council.example.org")
				.param("name", "L".repeat(201))
				.param("organisation", "Council")
				.param("role", "curator")
				.param("password", "é".repeat(40)))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("The password must be 72 characters or fewer")
			.contains("Full name must be 200 characters or fewer");
		this.mvc
			.perform(post("/manage/accounts").session(admin)
				.param("_csrf", token(refused))
				.param("email", "pat@council.example.org")
				.param("name", "Pat Publisher")
				.param("organisation", "Council")
				.param("role", "publisher")
				.param("publishers", "council", "no-such-publisher"))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/manage/accounts").session(admin)
				.param("_csrf", token(refused))
				.param("email", "Pat@Council.example.org")
				.param("name", "Pat Publisher")
				.param("organisation", "Council")
				.param("role", "publisher")
				.param("publishers", "council")
				.param("password", PASSWORD))
			.andExpect(redirectedUrl("/manage/accounts"));
		StaffAccounts.Account pat = this.accounts.find("pat@council.example.org").orElseThrow();
		assertThat(pat.role()).isEqualTo(Role.PUBLISHER);
		assertThat(pat.publisherIds()).containsExactly("council");
		assertThat(signIn(new MockHttpSession(), "pat@council.example.org", PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/manage");

		String list = this.mvc.perform(get("/manage/accounts").session(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("Account added for pat@council.example.org")
			.contains("action=\"/manage/accounts/" + pat.id() + "/disable\"");
		this.mvc.perform(post("/manage/accounts/" + pat.id() + "/disable").session(admin).param("_csrf", token(list)))
			.andExpect(redirectedUrl("/manage/accounts"));
		assertThat(this.accounts.find("pat@council.example.org").orElseThrow().enabled()).isFalse();
		this.mvc.perform(post("/manage/accounts/" + pat.id() + "/enable").session(admin).param("_csrf", token(list)))
			.andExpect(redirectedUrl("/manage/accounts"));
		assertThat(this.accounts.find("pat@council.example.org").orElseThrow().enabled()).isTrue();
		this.mvc.perform(post("/manage/accounts/99999/disable").session(admin).param("_csrf", token(list)))
			.andExpect(status().isNotFound());
		// No button to disable yourself, and a post that tries is refused.
		long self = this.accounts.find("admin@example.org").orElseThrow().id();
		assertThat(list).doesNotContain("/manage/accounts/" + self + "/disable");
		this.mvc.perform(post("/manage/accounts/" + self + "/disable").session(admin).param("_csrf", token(list)))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.find("admin@example.org").orElseThrow().enabled()).isTrue();
		this.mvc.perform(post("/manage/accounts/abc/disable").session(admin).param("_csrf", token(list)))
			.andExpect(status().isNotFound());
		assertThat(
				this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'admin@example.org'", String.class))
			.contains("account-added", "account-disabled", "account-enabled");

		MockHttpSession curator = (MockHttpSession) signIn(new MockHttpSession(), "curator@example.org", PASSWORD)
			.getRequest()
			.getSession(false);
		String home = this.mvc.perform(get("/manage").session(curator)).andReturn().getResponse().getContentAsString();
		this.mvc
			.perform(post("/manage/accounts").session(curator)
				.param("_csrf", token(home))
				.param("email", "sneaky@example.org")
				.param("name", "Sneaky")
				.param("organisation", "Nobody")
				.param("role", "admin"))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.find("sneaky@example.org")).isEmpty();
	}

}
