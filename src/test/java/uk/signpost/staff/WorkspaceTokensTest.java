package uk.signpost.staff;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace's forms need their token, checked through a real port and Tomcat's own
 * session cookie (spring-security-test's MockMvc support lets a post without a token
 * through where the site itself refuses it).
 */
class WorkspaceTokensTest extends ServerTest {

	@Autowired
	StaffAccounts accounts;

	HttpRequest.Builder request(String path, String cookie) {
		var request = request(path);
		return cookie == null ? request : request.header("Cookie", cookie);
	}

	HttpRequest.Builder form(String path, String cookie, String body) {
		return request(path, cookie).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	static String session(HttpResponse<String> response) {
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return cookie.substring(0, cookie.indexOf(';'));
	}

	@Test
	void signingInAndOutWithoutTheTokenIsRefused() throws Exception {
		Staffing.reset(this.jdbc);
		this.accounts.add(new StaffAccounts.NewAccount("admin@example.org", "Ada Admin", "Council", Role.ADMIN,
				Set.of(), StaffSignInTest.PASSWORD), Instant.now());
		String body = "email=admin%40example.org&password=" + StaffSignInTest.PASSWORD.replace(' ', '+');

		HttpResponse<String> page = send(request("/sign-in", null));
		String cookie = session(page);
		// No token: refused, and nobody is signed in.
		assertThat(send(form("/sign-in", cookie, body)).statusCode()).isEqualTo(403);
		HttpResponse<String> signedIn = send(
				form("/sign-in", cookie, body + "&_csrf=" + StaffSignInTest.token(page.body())));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/manage"));
		String signedInCookie = session(signedIn);

		HttpResponse<String> home = send(request("/manage", signedInCookie));
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(send(form("/sign-out", signedInCookie, "")).statusCode()).isEqualTo(403);
		assertThat(send(request("/manage", signedInCookie)).statusCode()).as("still signed in").isEqualTo(200);
		HttpResponse<String> out = send(
				form("/sign-out", signedInCookie, "_csrf=" + StaffSignInTest.token(home.body())));
		assertThat(out.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?signed-out"));
		assertThat(send(request("/manage", signedInCookie)).statusCode()).isEqualTo(302);
	}

	@Test
	void publicPagesStillKeepNoSession() throws Exception {
		directory();
		for (String path : new String[] { "/", "/search?q=food", "/list" }) {
			HttpResponse<String> page = page(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().allValues("Set-Cookie")).as(path)
				.noneMatch(c -> c.startsWith("signpost-session"));
			assertThat(page.body()).as(path).doesNotContain("Sign out");
		}
	}

}
