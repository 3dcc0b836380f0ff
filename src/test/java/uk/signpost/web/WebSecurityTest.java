package uk.signpost.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.signpost.ServerTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's headers on every kind of answer, and its CSRF token on every form
 * that changes something, through a real port (the 403 page is Tomcat's error dispatch,
 * which MockMvc does not make).
 */
class WebSecurityTest extends ServerTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@BeforeEach
	void load() throws Exception {
		directory();
	}

	private static void secured(HttpResponse<String> response, String policy) {
		var headers = response.headers();
		assertThat(headers.firstValue("Content-Security-Policy")).as(response.uri().toString()).hasValue(policy);
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		// Plain HTTP here: HSTS only over HTTPS (HttpsTest).
		assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void everyKindOfAnswerCarriesTheSecurityHeaders() throws Exception {
		assertThat(WebSecurity.PAGE_POLICY).contains("script-src 'self'", "frame-ancestors 'none'")
			.doesNotContain("unsafe");
		HttpResponse<String> start = page("/");
		assertThat(start.statusCode()).isEqualTo(200);
		secured(start, WebSecurity.PAGE_POLICY);

		HttpResponse<String> api = api("/api/services");
		assertThat(api.statusCode()).isEqualTo(200);
		secured(api, WebSecurity.API_POLICY);
		assertThat(api.headers().firstValue("ETag")).as("the API's ETags stay").isPresent();
		assertThat(api.headers().allValues("Set-Cookie")).isEmpty();

		String css = start.body().replaceAll("(?s).*href=\"(/css/signpost-[0-9a-f]+\\.css)\".*", "$1");
		HttpResponse<String> file = page(css);
		assertThat(file.statusCode()).as(css).isEqualTo(200);
		secured(file, WebSecurity.PAGE_POLICY);
		assertThat(file.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public");
		assertThat(file.headers().allValues("Set-Cookie")).as("a file cached for a year sets no cookie").isEmpty();
		for (String pattern : new String[] { "/favicon-[0-9a-f]+\\.svg", "/apple-touch-icon-[0-9a-f]+\\.png" }) {
			java.util.regex.Matcher icon = java.util.regex.Pattern.compile(pattern).matcher(start.body());
			assertThat(icon.find()).as(pattern).isTrue();
			HttpResponse<String> served = page(icon.group());
			assertThat(served.statusCode()).as(icon.group()).isEqualTo(200);
			assertThat(served.headers().allValues("Set-Cookie")).as(icon.group()).isEmpty();
		}

		secured(page("/nothing-here"), WebSecurity.PAGE_POLICY);
		secured(api("/api/services?page=0"), WebSecurity.API_POLICY);
	}

	/**
	 * The page's CSRF cookie (as a Cookie header sends it, and as Set-Cookie set it) and
	 * the token of its first form.
	 */
	private record Form(String cookie, String token, String setCookie) {
	}

	private Form form(String path) throws Exception {
		HttpResponse<String> response = page(path);
		assertThat(response.statusCode()).isEqualTo(200);
		String cookie = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(WebSecurity.CSRF_COOKIE + "="))
			.findFirst()
			.orElseThrow();
		assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
		// Gone when the browser closes, as the privacy notice says
		// (content/pages/privacy.md).
		assertThat(cookie).doesNotContainIgnoringCase("Max-Age").doesNotContainIgnoringCase("Expires");
		Matcher token = TOKEN.matcher(response.body());
		assertThat(token.find()).as("a CSRF token in " + path).isTrue();
		return new Form(cookie.substring(0, cookie.indexOf(';')), token.group(1), cookie);
	}

	private HttpResponse<String> post(String path, String cookies, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(path).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (cookies != null) {
			request.header("Cookie", cookies);
		}
		return send(request);
	}

	private int reports() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class);
	}

	@Test
	void aPostWithoutTheTokenIsRefusedWithTheGovukPageAndChangesNothing() throws Exception {
		String kept = YourList.COOKIE + "=" + ID;
		Form form = form("/services/" + ID);
		for (String path : List.of("/list/add", "/list/remove", "/list/keep", "/list/clear", "/list/device",
				"/services/" + ID + "/report")) {
			for (Map<String, String> fields : List.of(Map.of("id", ID, "ids", ID, "problem", "closed"),
					Map.of("id", ID, "ids", ID, "problem", "closed", "_csrf", "forged"))) {
				HttpResponse<String> refused = post(path, form.cookie() + "; " + kept, fields);
				assertThat(refused.statusCode()).as(path).isEqualTo(403);
				assertThat(refused.body()).contains("govuk-template", "Your request was not sent")
					.doesNotContain("Whitelabel");
				assertThat(refused.headers().allValues("Set-Cookie")).as("the list is left as it was")
					.noneMatch(c -> c.startsWith(YourList.COOKIE));
			}
		}
		// Nor with a token from a cookie that is not the browser's own.
		HttpResponse<String> other = post("/list/add", WebSecurity.CSRF_COOKIE + "=someone-else",
				Map.of("id", ID, "_csrf", form.token()));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(reports()).isZero();
	}

	@Test
	void withTheTokenEveryFormWorks() throws Exception {
		Form service = form("/services/" + ID);
		HttpResponse<String> added = post("/list/add", service.cookie(),
				Map.of("id", ID, "back", "/services/" + ID, "_csrf", service.token()));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/services/" + ID));
		assertThat(added.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith(YourList.COOKIE + "=" + ID));

		// The compact results' "Add selected" and each card's button send the keep form.
		Form results = form("/search?q=food&view=compact");
		assertThat(post("/list/add", results.cookie(),
				Map.of("id", ID, "back", "/search?q=food", "_csrf", results.token()))
			.statusCode()).isEqualTo(302);

		Form list = form("/list?ids=" + ID);
		HttpResponse<String> keep = post("/list/keep", list.cookie(), Map.of("ids", ID, "_csrf", list.token()));
		assertThat(keep.statusCode()).isEqualTo(302);
		HttpResponse<String> remove = post("/list/remove", list.cookie() + "; " + YourList.COOKIE + "=" + ID,
				Map.of("id", ID, "_csrf", list.token()));
		assertThat(remove.statusCode()).isEqualTo(302);

		Form report = form("/services/" + ID + "/report");
		HttpResponse<String> sent = post("/services/" + ID + "/report", report.cookie(),
				Map.of("problem", "closed", "_csrf", report.token()));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(reports()).isOne();
	}

	/**
	 * The form cookie and the list cookie go when the browser closes; the list stays 90
	 * days only when the person chooses, as the privacy notice says.
	 */
	@Test
	void theCookiesLastAsThePrivacyNoticeSays() throws Exception {
		Form service = form("/services/" + ID);
		assertThat(service.setCookie()).doesNotContain("Max-Age").doesNotContain("Expires");
		String list = setCookie(
				post("/list/add", service.cookie(), Map.of("id", ID, "back", "/list", "_csrf", service.token())),
				YourList.COOKIE);
		assertThat(list).startsWith(YourList.COOKIE + "=" + ID + ";")
			.doesNotContain("Max-Age")
			.doesNotContain("Expires");
		String kept = setCookie(post("/list/device", service.cookie() + "; " + list.substring(0, list.indexOf(';')),
				Map.of("keep", "yes", "_csrf", service.token())), YourList.COOKIE);
		assertThat(kept).startsWith(YourList.COOKIE + "=keep." + ID + ";").contains("Max-Age=7776000");
		String cleared = setCookie(post("/list/clear", service.cookie() + "; " + kept.substring(0, kept.indexOf(';')),
				Map.of("_csrf", service.token())), YourList.COOKIE);
		assertThat(cleared).startsWith(YourList.COOKIE + "=;").contains("Expires=Thu, 01 Jan 1970");
		assertThat(page("/privacy").body()).contains("It is deleted when you close your browser",
				"then it lasts 90 days from the last time you changed your list", "signpost-csrf holds a random code",
				"It is deleted when you close your browser");
	}

	private static String setCookie(HttpResponse<String> response, String name) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void noPageHasAnInlineScriptOrStyleOrASessionInItsAddress() throws Exception {
		List<HttpResponse<String>> pages = new ArrayList<>();
		for (String path : List.of("/", "/search", "/search?q=food", "/search?q=food&view=compact",
				"/search?q=food&kept=none&view=compact", "/search?where=Nowhere+at+all", "/services/" + ID,
				"/services/" + ID + "/report", "/list", "/list?ids=" + ID, "/list/print", "/accessibility", "/privacy",
				"/nothing-here", "/search?age=abc", "/list/add")) {
			pages.add(page(path));
		}
		pages.add(post("/list/add", null, Map.of("id", ID)));
		Form report = form("/services/" + ID + "/report");
		pages.add(post("/services/" + ID + "/report", report.cookie(), Map.of("_csrf", report.token())));
		for (HttpResponse<String> page : pages) {
			String html = page.body();
			assertThat(html).as(page.uri().toString()).contains("govuk-template");
			assertThat(Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>").matcher(html).find())
				.as("an inline script in " + page.uri())
				.isFalse();
			assertThat(html).as(page.uri().toString())
				.doesNotContain("<style")
				.doesNotContain(" style=")
				.doesNotContain("hx-on")
				.doesNotContainPattern("\\son[a-z]+=")
				// A session id in an address (URL rewriting) reads ";jsessionid="; the
				// privacy notice
				// may name the workspace's cookie.
				.doesNotContainIgnoringCase(";jsessionid");
			assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("signpost-session"));
		}
		assertThat(pages.get(pages.size() - 1).statusCode()).isEqualTo(400);
	}

}
