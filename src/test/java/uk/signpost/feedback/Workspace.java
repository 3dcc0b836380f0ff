package uk.signpost.feedback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test helper: a browser's way through the site's own forms, tokens taken from the pages
 * (never spring-security-test's, which changes the shared context's token store).
 */
final class Workspace {

	static final String PASSWORD = "correct horse battery staple";

	private Workspace() {
	}

	/** The token in a page's form. */
	static String token(String page) {
		Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
		return matcher.group(1);
	}

	/** A session signed in as this account, through the real sign-in form. */
	static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String page = mvc.perform(get("/sign-in").session(session)).andReturn().getResponse().getContentAsString();
		var result = mvc
			.perform(post("/sign-in").session(session)
				.param("email", email)
				.param("password", PASSWORD)
				.param("_csrf", token(page)))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("signed in as " + email).isEqualTo("/manage");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A resident's report through the public form, with the form's cookie and token. */
	static void report(MockMvc mvc, String serviceId, String problem, String correction, String email)
			throws Exception {
		var form = mvc.perform(get("/services/" + serviceId + "/report")).andExpect(status().isOk()).andReturn();
		Cookie cookie = form.getResponse().getCookie("signpost-csrf");
		var request = post("/services/" + serviceId + "/report").param("problem", problem)
			.param("_csrf", token(form.getResponse().getContentAsString()));
		if (cookie != null) {
			request.cookie(cookie);
		}
		if (correction != null) {
			request.param("correction", correction);
		}
		if (email != null) {
			request.param("email", email);
		}
		mvc.perform(request).andExpect(status().isFound());
	}

}
