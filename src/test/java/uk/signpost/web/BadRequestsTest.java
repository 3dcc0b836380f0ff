package uk.signpost.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import uk.signpost.ServerTest;
import uk.signpost.search.ServiceSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests anyone can send that were 500s with a stack trace at ERROR, or Spring's
 * Whitelabel page: through a real port, they are 400s in the API's JSON or GOV.UK pages,
 * and nothing is logged as an error.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadRequestsTest extends ServerTest {

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void load() throws Exception {
		directory();
	}

	private static String words(int count) {
		return IntStream.range(0, count).mapToObj(i -> "word" + i).collect(Collectors.joining("+"));
	}

	private JsonNode apiError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.has("error")).isTrue();
		assertThat(body.path("message").asString()).isNotBlank().doesNotContain("Exception");
		return body;
	}

	private static void govukPage(HttpResponse<String> response, int status, String heading) {
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
		assertThat(response.body()).as(response.uri().toString())
			.contains("govuk-template")
			.contains("<h1 class=\"govuk-heading-l\">" + heading + "</h1>")
			.doesNotContain("Whitelabel")
			.doesNotContain("Exception");
	}

	@Test
	void requestsTomcatCannotReadGetAGovukPageToo() throws Exception {
		// Refused by Tomcat before Signpost sees them: a NUL in the path, a request line
		// over 8 KB.
		for (String path : new String[] { "/services/%00", "/search?q=" + "x".repeat(9000) }) {
			HttpResponse<String> response = page(path);
			assertThat(response.statusCode()).as(path.substring(0, 13)).isEqualTo(400);
			assertThat(response.body()).contains("govuk-template", "There is a problem with the web address")
				.doesNotContain("Apache Tomcat", "Exception");
		}
	}

	@Test
	void theApiInABrowserIsAPageAboutItAndJsonForEveryoneElse() throws Exception {
		HttpResponse<String> page = page("/api");
		govukPage(page, 200, "Open data: the directory as an API");
		assertThat(page.body()).contains("href=\"/api/openapi.json\"", "Attribution-ShareAlike 4.0", "Council",
				"href=\"/api/services?search=food+bank&amp;per_page=10\"",
				"published by the council, NHS organisation or charity", "Publishers in this directory");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.PAGE_POLICY);
		assertThat(String.join(",", page.headers().allValues("Vary"))).containsIgnoringCase("accept");
		for (HttpRequest.Builder client : List.of(request("/api"), request("/api").header("Accept", "*/*"),
				request("/api").header("Accept", "application/json"))) {
			HttpResponse<String> json = send(client);
			assertThat(json.statusCode()).isEqualTo(200);
			assertThat(this.json.readTree(json.body()).path("version").asString()).isEqualTo("HSDS-UK-3.0");
			assertThat(json.headers().firstValue("Content-Security-Policy")).hasValue(WebSecurity.API_POLICY);
		}
	}

	/**
	 * Whatever the client accepts: curl sends any type, some scripts no Accept at all.
	 */
	@Test
	void aPageThatFailsIsAGovukPageForAnyClientAndTheApiIsJson() throws Exception {
		for (String accept : new String[] { "*/*", "application/json", null }) {
			HttpRequest.Builder missing = request("/services/no-such-service");
			HttpRequest.Builder unreadable = request("/list?ids=%ff");
			if (accept != null) {
				missing.header("Accept", accept);
				unreadable.header("Accept", accept);
			}
			govukPage(send(missing), 404, "Page not found");
			assertThat(send(unreadable).body()).as(accept).contains("govuk-template").doesNotContain("\"status\"");
			HttpRequest.Builder api = request("/api/nothing-here");
			apiError(send(accept == null ? api : api.header("Accept", accept)), 404);
		}
	}

	/**
	 * Tomcat refuses headers over 8 KB itself; under /api its error valve answers the
	 * API's JSON, elsewhere the GOV.UK page.
	 */
	@Test
	void headersOver8KbAreRefusedInTheApisJsonUnderApi() throws Exception {
		String big = "x".repeat(9000);
		assertThat(apiError(send(request("/api/services").header("X-Filler", big)), 400).path("message").asString())
			.isEqualTo(UnreadableRequests.Reports.MESSAGE);
		apiError(send(request("/api").header("Accept", "text/html").header("X-Filler", big)), 400);
		HttpResponse<String> page = send(request("/search").header("X-Filler", big));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("govuk-template");
	}

	@Test
	void theApiAnswersBadParametersWith400sThatNameThem(CapturedOutput log) throws Exception {
		assertThat(apiError(api("/api/services?page=%C3%28"), 400).path("message").asString())
			.isEqualTo(MalformedRequests.MESSAGE);
		assertThat(apiError(api("/api/services?search=%ED%A0%80"), 400).path("message").asString())
			.isEqualTo(MalformedRequests.MESSAGE);
		assertThat(apiError(api("/api/service_at_locations?page=2147483647"), 400).path("message").asString())
			.contains("page must be from 1 to 1000000");
		assertThat(apiError(api("/api/services?search=food&page=2147483647"), 400).path("message").asString())
			.contains("page must be from 1 to 1000000");
		assertThat(apiError(api("/api/services?modified_after=%2B999999999-12-31T23:59:59Z"), 400).path("message")
			.asString()).contains("modified_after must be a date-time");
		assertThat(apiError(api("/api/services?search=" + words(400)), 400).path("message").asString())
			.contains("search may have at most 32 words", "not 400");
		assertThat(apiError(api("/api/service_at_locations?search=" + words(33)), 400).path("message").asString())
			.contains("not 33");
		// A browser asking for HTML, and addresses with no handler, get the API's JSON
		// too.
		HttpResponse<String> html = page("/api/services?page=%C3%28");
		apiError(html, 400);
		assertThat(apiError(api("/api/nothing-here"), 404).path("error").asString()).isEqualTo("Not Found");
		apiError(send(request("/api/services").header("Accept", "text/html").DELETE()), 405);
		assertThat(log.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void thirtyTwoWordsWithTheMostSynonymsStillSearch(CapturedOutput log) throws Exception {
		// "counselling" has 13 synonyms: 32 of it is the heaviest query the cap lets
		// through.
		String heaviest = String.join("+", Collections.nCopies(ServiceSearch.MOST_WORDS, "counselling"));
		assertThat(api("/api/services?search=" + heaviest).statusCode()).isEqualTo(200);
		assertThat(page("/search?q=" + heaviest + "&where=PR1").statusCode()).isEqualTo(200);
		assertThat(api("/api/services?search=" + heaviest + "+the+help+with").statusCode()).as("filler words are free")
			.isEqualTo(200);
		assertThat(log.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void aVeryLongSearchOnThePageSearchesTheFirstWordsAndSaysSo(CapturedOutput log) throws Exception {
		HttpResponse<String> response = page("/search?q=food+" + words(399));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("Only the first 32 of the 400 words you typed were searched")
			.contains("for food word0 word1");
		assertThat(page("/search?q=food+bank").body()).doesNotContain("words you typed were searched");
		assertThat(log.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void badNumbersAndCharactersOnPagesGiveTheGovukPage(CapturedOutput log) throws Exception {
		for (String path : new String[] { "/search?q=%C3%28", "/search?q=%ED%A0%80", "/list?ids=%ff" }) {
			govukPage(page(path), 400, "There is a problem with the web address");
		}
		// Numbers the search form cannot use are left out, and the search runs without
		// them; an age typed that is not one is said on its field.
		for (String path : new String[] { "/search?page=-1", "/search?page=99999999999", "/search?radius=far",
				"/search?free=maybe", "/search?day=funday" }) {
			HttpResponse<String> search = page(path);
			assertThat(search.statusCode()).as(path).isEqualTo(200);
			assertThat(search.body()).as(path).contains("1 service").doesNotContain("There is a problem");
		}
		assertThat(page("/search?age=15+years").body()).doesNotContain("There is a problem").contains("Aged 15");
		HttpResponse<String> age = page("/search?age=fifteen");
		assertThat(age.statusCode()).isEqualTo(200);
		assertThat(age.body()).contains("<title>Error: 1 service – Signpost</title>", "There is a problem",
				"href=\"#age\">Enter an age as a whole number of years, like 15</a>", "govuk-input--error",
				"value=\"fifteen\"");
		assertThat(page("/search?age=200").body()).contains("Enter an age from 0 to 130");
		govukPage(page("/nothing-here"), 404, "Page not found");
		govukPage(page("/list/add"), 405, "Sorry, that did not work");
		assertThat(log.getAll()).doesNotContain(" ERROR ");
	}

	@Test
	void controlCharactersNeverReachThePage() throws Exception {
		HttpResponse<String> response = page("/search?q=food%00bank%07&where=%00");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("\u0000").doesNotContain("\u0007");
		assertThat(response.body().replaceAll("(?s).*<title>(.*?)</title>.*", "$1")).contains("food bank");
	}

}
