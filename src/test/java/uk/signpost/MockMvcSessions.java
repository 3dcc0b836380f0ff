package uk.signpost;

import java.util.List;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * MockMvc carries a test's session as a MockHttpSession, not as a cookie: in MockMvc
 * tests the id of the workspace's database session (Spring Session JDBC) rides in that
 * MockHttpSession instead of the signpost-session cookie. The sessions themselves are the
 * real ones, in the database; tests through a real port use the cookie.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

	private static final String ID = MockMvcSessions.class.getName() + ".id";

	@Bean
	HttpSessionIdResolver sessionIdInMockSession() {
		return new HttpSessionIdResolver() {

			@Override
			public List<String> resolveSessionIds(HttpServletRequest request) {
				HttpSession mock = mock(request).getSession(false);
				return mock != null && mock.getAttribute(ID) instanceof String id ? List.of(id) : List.of();
			}

			@Override
			public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
				mock(request).getSession(true).setAttribute(ID, sessionId);
			}

			@Override
			public void expireSession(HttpServletRequest request, HttpServletResponse response) {
				HttpSession mock = mock(request).getSession(false);
				if (mock != null) {
					mock.removeAttribute(ID);
				}
			}

		};
	}

	/**
	 * The request MockMvc made, under Spring Session's and Spring Security's wrappers.
	 */
	private static HttpServletRequest mock(ServletRequest request) {
		while (request instanceof ServletRequestWrapper wrapper) {
			request = wrapper.getRequest();
		}
		return (HttpServletRequest) request;
	}

}
