package uk.signpost;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What tests through a real port share: Tomcat decodes the requests (bad percent-encoding
 * never reaches MockMvc the same way), one application on its own data folder for every
 * such class, and the small directory of the API tests' every-field.json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "signpost.demo-data=false" })
public abstract class ServerTest {

	protected static final Path DATA_DIR = TestDirectory.newDataDir("signpost-server-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected Importer importer;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected SearchIndex index;

	protected final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** Empties the directory and imports every-field.json as the publisher "council". */
	protected void directory() throws IOException {
		TestDirectory.clear(this.jdbc);
		// Every request here comes from 127.0.0.1: a fresh report limit for each test.
		this.jdbc.update("DELETE FROM rate_limit");
		this.index.rebuild();
		Path feed = Files.createTempFile(DATA_DIR, "feed-", ".json");
		Files.writeString(feed, WebTest.resource("every-field.json"));
		assertThat(this.importer.importFeed(new FeedSource.Files(feed), "council", "Council").succeeded()).isTrue();
	}

	protected HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	/** A GET of this path and query exactly as written, as a browser asks for a page. */
	protected HttpResponse<String> page(String path) throws IOException, InterruptedException {
		return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
	}

	/** A GET as an API client asks. */
	protected HttpResponse<String> api(String path) throws IOException, InterruptedException {
		return send(request(path).header("Accept", "application/json"));
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
