package uk.signpost.staff;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test helper: no staff, no audit log; accounts, and signing in through the real chain.
 */
public final class Staffing {

	public static final String PASSWORD = "correct horse battery staple";

	private Staffing() {
	}

	public static void reset(JdbcTemplate jdbc) {
		jdbc.update("DELETE FROM staff_publisher");
		jdbc.update("DELETE FROM staff_account");
		jdbc.update("DELETE FROM audit_log");
	}

	/** An account with {@link #PASSWORD}. */
	public static void add(StaffAccounts accounts, String email, String name, String organisation, Role role,
			String... publishers) {
		accounts.add(new StaffAccounts.NewAccount(email, name, organisation, role, Set.of(publishers), PASSWORD),
				Instant.now());
	}

	/** The token in a page's form, for the session the page was shown in. */
	public static String token(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
		return matcher.group(1);
	}

	/** Signs in with {@link #PASSWORD} as a browser would, and gives the session. */
	public static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = mvc.perform(get("/sign-in").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var result = mvc
			.perform(post("/sign-in").session(session)
				.param("email", email)
				.param("password", PASSWORD)
				.param("_csrf", token(page)))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signed in").isEqualTo("/manage");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
