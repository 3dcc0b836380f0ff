package uk.signpost.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

import uk.signpost.DirectoryTest;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.TestDirectory;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Imports from a publisher's ORUK API, served by a real HTTP server on loopback: paging,
 * full records fetched one by one, modified_after, and every way a download can go wrong.
 */
class OrukApiImportTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ServiceRepository services;

	@Autowired
	SignpostProperties properties;

	HttpServer server;

	final List<String> requests = new CopyOnWriteArrayList<>();

	/** Answers for paths; anything else is a 404. */
	final Map<String, Function<HttpExchange, Reply>> routes = new ConcurrentHashMap<>();

	record Reply(int status, String body, boolean cutOff, long delayMillis) {

		static Reply ok(String body) {
			return new Reply(200, body, false, 0);
		}

	}

	@BeforeEach
	void start() throws IOException {
		TestDirectory.clear(this.jdbc);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
		this.server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			this.requests.add(exchange.getRequestURI().toString());
			Reply reply = this.routes.getOrDefault(path, e -> new Reply(404, "{}", false, 0)).apply(exchange);
			try {
				Thread.sleep(reply.delayMillis());
				if (reply.status() / 100 == 3) {
					exchange.getResponseHeaders().add("Location", reply.body());
				}
				byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
				// A cut-off answer is sent chunked and stops half-way, as when a proxy
				// drops a download.
				exchange.sendResponseHeaders(reply.status(), reply.cutOff() ? 0 : body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body, 0, reply.cutOff() ? body.length / 2 : body.length);
				}
			}
			catch (InterruptedException | IOException ex) {
				// the client gave up or the test cut the answer off
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		SignpostProperties.Limits defaults = new SignpostProperties.Limits();
		this.properties.getLimits().setMaxPages(defaults.getMaxPages());
		this.properties.getLimits().setMaxResponseSize(defaults.getMaxResponseSize());
	}

	URI base() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api");
	}

	/**
	 * A page of ORUK's /services: one-to-one fields only, as the official API describes
	 * it.
	 */
	static String summaryPage(int page, int totalPages, String... ids) {
		StringBuilder contents = new StringBuilder();
		for (String id : ids) {
			contents.append(contents.isEmpty() ? "" : ",")
				.append("{\"id\": \"%s\", \"name\": \"Service %s\", \"status\": \"active\"}".formatted(id, id));
		}
		return """
				{"total_items": 5, "total_pages": %d, "page_number": %d, "size": %d, "first_page": %b,
				 "last_page": %b, "empty": false, "contents": [%s]}""".formatted(totalPages, page, ids.length,
				page == 1, page == totalPages, contents);
	}

	void serveDirectory() {
		this.routes.put("/api/services", exchange -> {
			String query = exchange.getRequestURI().getQuery();
			return Reply.ok(query.contains("page=1&") ? summaryPage(1, 2, "a", "b", "c") : summaryPage(2, 2, "d", "e"));
		});
		for (String id : List.of("a", "b", "c", "d", "e")) {
			this.routes.put("/api/services/" + id, exchange -> Reply.ok(Feeds.service(id, "Service " + id)));
		}
	}

	@Test
	void walksEveryPageAndFetchesEachFullRecord() {
		serveDirectory();

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County Council");

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(5);
		Service e = this.services.findByPublisherIdAndSourceId("county", "e").orElseThrow();
		assertThat(e.serviceAtLocations()).hasSize(1);
		assertThat(e.schedules()).hasSize(1);
		assertThat(this.requests).filteredOn(r -> r.startsWith("/api/services?")).hasSize(2);
		assertThat(this.requests).filteredOn(r -> r.startsWith("/api/services/")).hasSize(5);
		assertThat(this.jdbc.queryForObject("SELECT url FROM publisher WHERE id = 'county'", String.class))
			.isEqualTo(base().toString());
	}

	@Test
	void aModifiedAfterDateStartsAtTheStartOfThatDayInTheUk() {
		assertThat(FeedSource.modifiedAfter("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(FeedSource.modifiedAfter("2026-07-01")).isEqualTo(Instant.parse("2026-06-30T23:00:00Z"));
		assertThat(FeedSource.modifiedAfter("2026-07-01T09:30:00+01:00"))
			.isEqualTo(Instant.parse("2026-07-01T08:30:00Z"));
		assertThat(FeedSource.modifiedAfter("2026-11-01T00:00:00Z")).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		for (String bad : List.of("yesterday", "2026-13-01", "2026-11-01T09:00", "1/11/2026", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> FeedSource.modifiedAfter(bad))
				.withMessage("--modified-after takes a date such as 2026-11-01 (from the start of that day, UK time)"
						+ " or a date and time with its offset such as 2026-11-01T09:00:00Z, not '" + bad + "'");
		}
	}

	@Test
	void anIncrementalRefreshFromADateAsksForItsStartInUtc() {
		serveDirectory();
		this.routes.put("/api/services", exchange -> Reply.ok(summaryPage(1, 1, "b")));

		this.importer.importFeed(new FeedSource.Api(base(), FeedSource.modifiedAfter("2026-07-01")), "county", null);

		assertThat(this.requests.get(0)).contains("modified_after=2026-06-30T23%3A00%3A00Z");
	}

	@Test
	void anIncrementalRefreshAsksOnlyForWhatChangedAndWithdrawsNothing() {
		serveDirectory();
		this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County Council");
		this.requests.clear();
		this.routes.put("/api/services", exchange -> Reply.ok(summaryPage(1, 1, "b")));
		this.routes.put("/api/services/b", exchange -> Reply.ok(Feeds.service("b", "Service b, renamed")));

		Instant since = Instant.parse("2026-11-01T00:00:00Z");
		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), since), "county", null);

		assertThat(report.servicesUpdated()).isEqualTo(1);
		assertThat(report.servicesWithdrawn()).isZero();
		assertThat(this.requests.get(0)).contains("modified_after=2026-11-01T00%3A00%3A00Z");
		assertThat(this.services.countActive()).isEqualTo(5);
		assertThat(this.services.findByPublisherIdAndSourceId("county", "b").orElseThrow().name())
			.isEqualTo("Service b, renamed");
	}

	@Test
	void anHttpErrorPartWayThroughChangesNothing() {
		serveDirectory();
		this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County Council");
		String before = TestDirectory.snapshot(this.jdbc);
		this.routes.put("/api/services/d", exchange -> new Reply(500, "{\"error\": \"oops\"}", false, 0));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", null);

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).isEqualTo("GET " + base() + "/services/d answered HTTP 500");
		assertThat(TestDirectory.snapshot(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aCutOffDownloadChangesNothing() {
		serveDirectory();
		this.routes.put("/api/services/c", exchange -> new Reply(200, Feeds.service("c", "Service c"), true, 0));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", null);

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).startsWith("GET " + base() + "/services/c is not valid JSON at line ")
			.contains("(a cut-off download looks like this)");
		assertThat(this.services.count()).isZero();
	}

	@Test
	void aSlowServerTimesOutWithAClearMessage() {
		serveDirectory();
		this.routes.put("/api/services", exchange -> new Reply(200, summaryPage(1, 1, "a"), false, 4000));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", null);

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).isEqualTo("GET " + base() + "/services?page=1&per_page=100 timed out after 2 s");
		assertThat(this.services.count()).isZero();
	}

	@Test
	void malformedJsonFromTheApiChangesNothing() {
		serveDirectory();
		this.routes.put("/api/services/b", exchange -> Reply.ok("{\"id\": \"b\", \"name\": }"));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", null);

		assertThat(report.failure()).startsWith("GET " + base() + "/services/b is not valid JSON at line 1, column ");
		assertThat(this.services.count()).isZero();
	}

	@Test
	void somethingThatIsNotAnOrukPageIsRefused() {
		this.routes.put("/api/services", exchange -> Reply.ok("{\"services\": []}"));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", null);

		assertThat(report.failure()).endsWith("is not an ORUK page: it has no \"contents\" list");
	}

	/** A page that lists full records, so the client fetches nothing more for it. */
	static String fullPage(int page, int totalPages, String... ids) {
		return Feeds
			.page(java.util.Arrays.stream(ids).map(id -> Feeds.service(id, "Service " + id)).toArray(String[]::new))
			.replace("\"total_pages\": 1", "\"total_pages\": " + totalPages)
			.replace("\"last_page\": true", "\"last_page\": " + (page == totalPages));
	}

	@Test
	void aTotalPagesThatLiesStopsWhenAPageRepeatsAndWithdrawsNothing() {
		this.routes.put("/api/services", exchange -> Reply.ok(fullPage(1, 1, "a", "b")));
		assertThat(this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County").succeeded()).isTrue();
		// The same first page for every page number, and a total that never comes.
		this.routes.put("/api/services", exchange -> Reply.ok(fullPage(1, 5000, "a")));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County");

		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(this.requests.stream().filter(r -> r.startsWith("/api/services?")).count()).isEqualTo(3);
		assertThat(report.problems())
			.anySatisfy(p -> assertThat(p.reason()).contains("page 2 lists the same services as page 1",
					"although total_pages says 5000", "no service is withdrawn"));
		assertThat(report.servicesWithdrawn()).isZero();
		assertThat(this.services.countActive()).isEqualTo(2);
	}

	@Test
	void anApiThatNeverEndsStopsAtTheMostPagesAndChangesNothing() {
		this.properties.getLimits().setMaxPages(3);
		this.routes.put("/api/services", exchange -> {
			String page = exchange.getRequestURI().getQuery().replaceAll("^page=(\\d+).*", "$1");
			return Reply.ok(fullPage(Integer.parseInt(page), 1_000_000, "s" + page));
		});

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).contains("more than 3 pages (signpost.limits.max-pages)");
		assertThat(report.summary()).contains("Nothing was changed.");
		assertThat(this.services.countActive()).isZero();
	}

	@Test
	void aHugeResponseIsCutOffWhileItStreams() {
		this.properties.getLimits().setMaxResponseSize(DataSize.ofKilobytes(4));
		this.routes.put("/api/services",
				exchange -> new Reply(200, fullPage(1, 1, "a", "b", "c", "d", "e", "f", "g"), true, 0));

		ImportReport report = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.failure()).contains("a response is larger than", "(signpost.limits.max-response-size)");
		assertThat(this.services.countActive()).isZero();
	}

	@Test
	void redirectsAreFollowedOnlyToTheSameHost() {
		this.routes.put("/api/services",
				exchange -> new Reply(302, "/moved/services?" + exchange.getRequestURI().getQuery(), false, 0));
		this.routes.put("/moved/services", exchange -> Reply.ok(fullPage(1, 1, "a")));
		ImportReport same = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County");
		assertThat(same.succeeded()).as(same.summary()).isTrue();
		assertThat(same.servicesCreated()).isEqualTo(1);

		int port = this.server.getAddress().getPort();
		this.routes.put("/api/services",
				exchange -> new Reply(302, "http://localhost:" + port + "/moved/services", false, 0));
		ImportReport other = this.importer.importFeed(new FeedSource.Api(base(), null), "county", "County");
		assertThat(other.succeeded()).isFalse();
		assertThat(other.failure()).contains("redirects to http://localhost:" + port, "another host; not followed");
	}

}
