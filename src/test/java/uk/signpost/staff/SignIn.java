package uk.signpost.staff;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Test helper: signs in through the real sign-in form, as a browser does, and reads the
 * token a page's forms carry.
 */
public final class SignIn {

	private SignIn() {
	}

	/** The token in a page's form, for the session the page was shown in. */
	public static String token(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
		return matcher.group(1);
	}

	/** A signed-in session, or a failure if the sign-in did not lead to the workspace. */
	public static MockHttpSession as(MockMvc mvc, String email, String password) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = mvc.perform(get("/sign-in").session(session)).andReturn().getResponse().getContentAsString();
		var result = mvc
			.perform(post("/sign-in").session(session)
				.param("email", email)
				.param("password", password)
				.param("_csrf", token(page)))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signed in as " + email).isEqualTo("/manage");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A page in a signed-in session. */
	public static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

}
