package uk.signpost.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.signpost.WebTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * /api/openapi.json is valid OpenAPI 3 and says what the controllers do: the same paths,
 * and every parameter it documents is read (a good value answers 200, a bad one a 400
 * that names it). Through a real server, so gzip is tested too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "signpost.demo-data=false" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-openapi-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	/**
	 * A value each parameter accepts, and one it must refuse (null: any text is fine).
	 */
	static final Map<String, String[]> VALUES = Map.ofEntries(Map.entry("search", new String[] { "food", null }),
			Map.entry("page", new String[] { "1", "first" }), Map.entry("per_page", new String[] { "10", "0" }),
			Map.entry("full", new String[] { "true", "maybe" }),
			Map.entry("full_service", new String[] { "true", "maybe" }),
			Map.entry("taxonomy_term_id", new String[] { RecordId.of("council", "taxonomy_term", "food-banks"), null }),
			Map.entry("taxonomy_id", new String[] { RecordId.of("council", "taxonomy", "needs"), null }),
			Map.entry("organization_id", new String[] { RecordId.of("council", "organization", "org-foodbank"), null }),
			Map.entry("modified_after", new String[] { "2026-01-01", "soon" }),
			Map.entry("minimum_age", new String[] { "5", "old" }),
			Map.entry("maximum_age", new String[] { "99", "-1" }), Map.entry("day", new String[] { "MO", "someday" }),
			Map.entry("start_time", new String[] { "09:00", "9am" }),
			Map.entry("end_time", new String[] { "17:00", "late" }),
			Map.entry("postcode", new String[] { "PR1 3BQ", "ZZ99 9ZZ" }),
			Map.entry("proximity", new String[] { "5000", "-5" }));

	@LocalServerPort
	int port;

	@Autowired
	RequestMappingHandlerMapping mappings;

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex index;

	final HttpClient http = HttpClient.newHttpClient();

	OpenAPI openapi;

	@BeforeAll
	void directoryAndDocument() throws Exception {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		Path feed = Files.writeString(DATA_DIR.resolve("every-field.json"), WebTest.resource("every-field.json"));
		assertThat(this.importer.importFeed(new FeedSource.Files(feed), "council", "Council").succeeded()).isTrue();

		ParseOptions options = new ParseOptions();
		options.setResolve(false);
		SwaggerParseResult result = new OpenAPIV3Parser().readContents(get("/api/openapi.json").body(), null, options);
		assertThat(result.getMessages()).as("OpenAPI problems").isEmpty();
		this.openapi = result.getOpenAPI();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void itIsOpenApi3() {
		assertThat(this.openapi.getOpenapi()).startsWith("3.");
		assertThat(this.openapi.getServers().get(0).getUrl()).isEqualTo("/api");
	}

	@Test
	void itDescribesExactlyTheControllersPaths() {
		Set<String> documented = this.openapi.getPaths()
			.keySet()
			.stream()
			.map(path -> "/api" + (path.equals("/") ? "" : path))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> served = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			info.getPatternValues()
				.stream()
				.filter(path -> path.equals("/api") || path.startsWith("/api/"))
				.filter(path -> !path.equals("/api/openapi.json") && !path.equals("/api/**"))
				.forEach(served::add);
		}
		assertThat(documented).isEqualTo(served);
	}

	@Test
	void everyDocumentedParameterIsRead() throws Exception {
		Map<String, String> ids = Map.of("/services/{id}",
				RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001"), "/service_at_locations/{id}",
				RecordId.of("council", "service_at_location", "3a1f6c52-0000-4000-8000-000000000001/sal-church"),
				"/taxonomies/{id}", RecordId.of("council", "taxonomy", "needs"), "/taxonomy_terms/{id}",
				RecordId.of("council", "taxonomy_term", "food"), "/organizations/{id}",
				RecordId.of("council", "organization", "org-foodbank"));
		int checked = 0;
		for (var entry : this.openapi.getPaths().entrySet()) {
			String path = "/api" + (entry.getKey().equals("/") ? "" : entry.getKey());
			if (ids.containsKey(entry.getKey())) {
				path = "/api" + entry.getKey().replace("{id}", ids.get(entry.getKey()));
			}
			Operation get = entry.getValue().getGet();
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
			for (Parameter parameter : get.getParameters() == null ? java.util.List.<Parameter>of()
					: get.getParameters()) {
				String name = parameter.getName() != null ? parameter.getName()
						: parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
				String[] values = VALUES.get(name);
				assertThat(values).as("a test value for " + name).isNotNull();
				HttpResponse<String> good = get(path + "?" + name + "=" + encode(values[0])
						+ (name.equals("proximity") ? "&postcode=PR1%203BQ" : ""));
				assertThat(good.statusCode()).as(path + " with " + name + ": " + good.body()).isEqualTo(200);
				if (values[1] != null) {
					HttpResponse<String> bad = get(path + "?" + name + "=" + encode(values[1])
							+ (name.equals("proximity") ? "&postcode=PR1%203BQ" : ""));
					assertThat(bad.statusCode()).as(path + " with a bad " + name).isEqualTo(400);
					assertThat(bad.body()).contains(name);
				}
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(30);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Test
	void answersAreGzippedForClientsThatAcceptIt() throws Exception {
		HttpResponse<byte[]> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/services?full=true"))
				.header("Accept-Encoding", "gzip")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"total_items\":1");
		}
	}

}
