package uk.signpost.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.signpost.ServerTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy that ends HTTPS (X-Forwarded-Proto from a local address): HSTS, and
 * every cookie Secure; over plain HTTP neither.
 */
class HttpsTest extends ServerTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	@BeforeEach
	void load() throws Exception {
		directory();
	}

	private HttpResponse<String> send(HttpRequest.Builder request, boolean https) throws Exception {
		return send(https ? request.header("X-Forwarded-Proto", "https") : request);
	}

	private static String cookie(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.headers()));
	}

	@Test
	void hstsAndSecureCookiesOnlyOverHttps() throws Exception {
		for (boolean https : new boolean[] { true, false }) {
			HttpResponse<String> page = send(request("/services/" + ID), https);
			assertThat(page.headers().firstValue("Strict-Transport-Security").isPresent()).as("HSTS").isEqualTo(https);
			String token = cookie(page, WebSecurity.CSRF_COOKIE);
			assertThat(token.contains("; Secure")).as(token).isEqualTo(https);
			assertThat(token).contains("HttpOnly", "SameSite=Lax");

			String value = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
			HttpResponse<String> added = send(
					request("/list/add").header("Content-Type", "application/x-www-form-urlencoded")
						.header("Cookie", token.substring(0, token.indexOf(';')))
						.POST(HttpRequest.BodyPublishers.ofString("id=" + ID + "&_csrf=" + value)),
					https);
			assertThat(added.statusCode()).isEqualTo(302);
			String list = cookie(added, YourList.COOKIE);
			assertThat(list.contains("; Secure")).as(list).isEqualTo(https);
			assertThat(list).contains("HttpOnly", "SameSite=Lax");

			HttpResponse<String> api = send(request("/api/services"), https);
			assertThat(api.headers().firstValue("Strict-Transport-Security").isPresent()).isEqualTo(https);
			assertThat(List.of(page, api)).allSatisfy(
					r -> assertThat(r.headers().firstValue("Strict-Transport-Security").orElse("max-age=31536000"))
						.contains("max-age=31536000"));
		}
	}

}
