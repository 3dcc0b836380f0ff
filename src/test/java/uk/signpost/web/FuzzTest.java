package uk.signpost.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.signpost.ServerTest;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of every page, form and API endpoint, sent hostile values through a
 * real port (very long, negative, huge, repeated, bad percent-encoding, control
 * characters, NUL, a lone surrogate): never a 5xx, never an error in the log, API answers
 * that are strict UTF-8 JSON without a lone surrogate, and no control character in a page
 * title. About 2,500 requests over the every-field service and 60 demo services.
 */
@ExtendWith(OutputCaptureExtension.class)
class FuzzTest extends ServerTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	static final String ORGANIZATION = RecordId.of("council", "organization", "org-foodbank");

	/** Values as they stand in a query string or form body, already percent-encoded. */
	static final List<String> HOSTILE = List.of("", "%20%20", "-1", "-2147483649", "0", "2147483647",
			"99999999999999999999", "1e400", "NaN", "-Infinity", "0x1F", "%C3%28", "%ED%A0%80", "%E2%82", "%", "%zz",
			"%00", "a%00b", "%07%1B%7F%C2%85", "%0D%0ALocation:%20http://evil.example", "%F0%9F%98%80%E2%80%AE",
			"%3Cscript%3Ealert(1)%3C/script%3E", "%22%27%5C%60", "..%2F..%2Fetc%2Fpasswd", "a".repeat(5000),
			"food+".repeat(600), "%E2%80%8B".repeat(400), "9999-99-99T99:99:99Z", "%2B999999999-12-31T23:59:59Z",
			"24:61", "MO,TU", "true", "compact");

	/** Each address and the parameters its controller or form object reads. */
	static final Map<String, List<String>> GETS = new LinkedHashMap<>();

	static final Map<String, List<String>> POSTS = new LinkedHashMap<>();

	static {
		List<String> filters = List.of("search", "page", "per_page", "taxonomy_term_id", "taxonomy_id",
				"organization_id", "minimum_age", "maximum_age", "day", "start_time", "end_time", "modified_after",
				"full");
		GETS.put("/search", List.of("q", "where", "radius", "sort", "category", "age", "delivery", "free", "open",
				"wheelchair", "day", "language", "page", "exact", "view", "kept"));
		GETS.put("/", List.of("q"));
		GETS.put("/services/" + ID, List.of("from"));
		GETS.put("/services/" + ID + "/report", List.of("problem"));
		GETS.put("/list", List.of("ids"));
		GETS.put("/list/print", List.of("ids"));
		GETS.put("/list/text", List.of("ids"));
		GETS.put("/api", List.of("page"));
		GETS.put("/api/services", filters);
		List<String> located = new ArrayList<>(filters);
		located.addAll(List.of("postcode", "proximity"));
		GETS.put("/api/service_at_locations", located);
		GETS.put("/api/services/" + ID, List.of("full"));
		GETS.put("/api/taxonomies", List.of("page", "per_page"));
		GETS.put("/api/taxonomy_terms", List.of("page", "per_page", "taxonomy_id"));
		GETS.put("/api/organizations", List.of("page", "per_page"));
		GETS.put("/api/organizations/" + ORGANIZATION, List.of("full_service"));
		POSTS.put("/list/add", List.of("id", "back"));
		POSTS.put("/list/remove", List.of("id"));
		POSTS.put("/list/keep", List.of("ids"));
		POSTS.put("/services/" + ID + "/report", List.of("problem", "correction", "email"));
	}

	static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

	static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

	static final Pattern LONE_SURROGATE = Pattern.compile("\\p{Cs}");

	final ObjectMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

	@TempDir
	Path demo;

	int requests;

	@BeforeEach
	void load() throws Exception {
		directory();
		DemoDirectory.write(this.demo, 60, 11L, LocalDate.of(2026, 11, 1));
		assertThat(this.importer.importFeed(new FeedSource.Files(this.demo), "demo", null).succeeded()).isTrue();
	}

	@Test
	void hostileValuesNeverBreakAPageOrTheApi(CapturedOutput log) throws Exception {
		long started = System.nanoTime();
		for (Map.Entry<String, List<String>> address : GETS.entrySet()) {
			for (String parameter : address.getValue()) {
				for (String value : HOSTILE) {
					get(address.getKey() + "?" + parameter + "=" + value, false);
					// Repeated, with a good value first and the hostile one after.
					get(address.getKey() + "?" + parameter + "=1&" + parameter + "=" + value + "&" + parameter + "="
							+ value, false);
				}
			}
		}
		// The results part htmx asks for, and hostile values in the addresses themselves.
		for (String value : HOSTILE) {
			get("/search?q=" + value + "&where=" + value, true);
			if (value.length() < 100 && !value.contains("%2F")) {
				get("/services/" + value, false);
				get("/api/services/" + value, false);
			}
		}
		HttpResponse<String> page = page("/services/" + ID);
		String cookie = page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(WebSecurity.CSRF_COOKIE + "="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		Matcher token = WebSecurityTest.TOKEN.matcher(page.body());
		assertThat(token.find()).isTrue();
		for (Map.Entry<String, List<String>> form : POSTS.entrySet()) {
			for (String parameter : form.getValue()) {
				for (String value : HOSTILE) {
					post(form.getKey(), cookie,
							"_csrf=" + token.group(1) + "&" + parameter + "=" + value + "&" + parameter + "=" + value);
				}
			}
		}
		assertThat(this.requests).isGreaterThan(2000);
		assertThat(log.getAll()).as("nothing hostile is an error in the log").doesNotContain(" ERROR ");
		System.out.printf("FuzzTest: %d requests in %d ms%n", this.requests, (System.nanoTime() - started) / 1_000_000);
	}

	private void get(String path, boolean htmx) throws Exception {
		if (!isUri(path)) {
			raw(path);
			return;
		}
		HttpRequest.Builder request = request(path).header("Accept",
				path.startsWith("/api") ? "application/json" : "text/html,*/*;q=0.8");
		if (htmx) {
			request.header("HX-Request", "true");
		}
		check(this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
	}

	private void post(String path, String cookie, String body) throws Exception {
		check(this.http.send(request(path).header("Accept", "text/html")
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofByteArray()));
	}

	private void check(HttpResponse<byte[]> response) throws Exception {
		this.requests++;
		String where = response.request().method() + " " + response.uri().getRawPath() + " "
				+ abbreviated(response.uri().getRawQuery());
		assertThat(response.statusCode()).as(where).isLessThan(500);
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(response.body()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new AssertionError("not UTF-8: " + where, ex);
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (refusedByTomcat(response)) {
			assertThat(text).as(where).doesNotContain("Exception");
			if (type.startsWith("text/html")) {
				// Tomcat's own answer is the GOV.UK page it is given
				// (UnreadableRequests).
				assertThat(text).as(where).contains("govuk-template", "There is a problem with the web address");
			}
		}
		else if (response.uri().getRawPath().startsWith("/api") && response.body().length > 0
				&& response.statusCode() != 304) {
			assertThat(type).as(where).startsWith("application/json");
			String json = this.strict.readTree(text).toString();
			assertThat(LONE_SURROGATE.matcher(json).find()).as("a lone surrogate in " + where).isFalse();
		}
		else if (type.startsWith("text/html")) {
			assertThat(text).as(where).doesNotContain("Whitelabel").doesNotContain("\u0000");
			Matcher title = TITLE.matcher(text);
			if (title.find()) {
				assertThat(CONTROL.matcher(title.group(1)).find()).as("a control character in the title of " + where)
					.isFalse();
			}
			if (response.statusCode() >= 400 && response.body().length > 0 && !refusedByTomcat(response)) {
				assertThat(text).as(where).contains("govuk-template");
			}
		}
	}

	/**
	 * Tomcat answers a request line over its 8 KB limit, or a path it cannot decode (%00,
	 * %ED%A0%80), before Signpost sees the request, with the static GOV.UK page it is
	 * given (docs/pages.md).
	 */
	private static boolean refusedByTomcat(HttpResponse<byte[]> response) {
		String path = response.uri().getRawPath();
		boolean tooLong = response.uri().toString().length() > 8000;
		boolean badPath = (path.startsWith("/services/") || path.startsWith("/api/services/")) && path.contains("%");
		return response.statusCode() == 400 && (tooLong || badPath);
	}

	private static boolean isUri(String path) {
		try {
			new java.net.URI("http://localhost" + path);
			return true;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * An address Java's HttpClient will not send ("%" alone, "%zz"), written on a socket
	 * as a careless client would.
	 */
	private void raw(String path) throws Exception {
		this.requests++;
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("GET " + path
						+ " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String status = answer.substring(0, answer.indexOf("\r\n"));
			assertThat(Integer.parseInt(status.split(" ")[1])).as("GET " + abbreviated(path)).isLessThan(500);
			if (!path.startsWith("/api")) {
				assertThat(answer).as(abbreviated(path)).doesNotContain("Whitelabel");
			}
		}
	}

	private static String abbreviated(String text) {
		return text == null || text.length() < 120 ? text : text.substring(0, 120) + "…";
	}

}
