package uk.signpost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.ReflectionUtils;

import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two Signpost nodes on different ports over one database, as behind a load balancer with
 * no stickiness: whatever a person started on node A, node B carries on (signing in to
 * the workspace, a report form, Your list), and work that must happen once happens once
 * (a configured feed pulled when both start, a scheduled roll-up, an import of one feed).
 * Both run in this JVM over one H2 file; PostgresTwoNodesTest runs the same on
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

	static final String EMAIL = "curator@example.org";

	static final String PASSWORD = "correct horse battery staple";

	static final String SERVICE = RecordId.of("county", "service", "county-1");

	static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	final Path folder = TestDirectory.newDataDir("signpost-nodes-");

	HttpServer publisher;

	/** Requests the publisher's API answered, by path. */
	final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();

	/** Held shut to keep an import of "slow" waiting for its second service. */
	volatile CountDownLatch release = new CountDownLatch(0);

	final CountDownLatch slowAsked = new CountDownLatch(1);

	ConfigurableApplicationContext a;

	ConfigurableApplicationContext b;

	JdbcTemplate jdbc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** Settings that put both nodes on the database under test. */
	protected List<String> databaseSettings() {
		return List.of("--spring.datasource.url=jdbc:h2:file:" + this.folder.resolve("shared/db/signpost")
				+ ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
	}

	/** Empties the database under test first (H2 starts in a new folder). */
	protected void clearDatabase() {
	}

	@BeforeAll
	void startTwoNodes() throws Exception {
		clearDatabase();
		startPublisher();
		this.a = node("a");
		this.jdbc = this.a.getBean(JdbcTemplate.class);
		// Node A pulls the configured feed once started.
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (runs("county") == 0 && System.nanoTime() < until) {
			Thread.sleep(200);
		}
		assertThat(runs("county")).as("node A pulled the configured feed").isOne();
		this.b = node("b");
		// Node B's scheduler has one thread: a task given it now runs after its own pull.
		CountDownLatch done = new CountDownLatch(1);
		this.b.getBean(TaskScheduler.class).schedule(done::countDown, Instant.now());
		assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
		this.a.getBean(StaffAccounts.class)
			.add(new StaffAccounts.NewAccount(EMAIL, "Cass Curator", "County", Role.CURATOR, java.util.Set.of(),
					PASSWORD), Instant.now());
	}

	@AfterAll
	void stop() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { this.b, this.a }) {
			if (node != null) {
				node.close();
			}
		}
		if (this.publisher != null) {
			this.publisher.stop(0);
		}
	}

	@Test
	void aFeedBothNodesPullOnStartIsPulledOnce() {
		assertThat(runs("county")).isOne();
		assertThat(this.asked.get("/county/services").get()).as("the publisher was asked once").isOne();
		assertThat(page(this.b, "/services/" + SERVICE).body()).contains("Food bank in the county");
	}

	@Test
	void signingInOnOneNodeHoldsOnTheOther() {
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> signIn = page(this.a, "/sign-in", cookies);
		assertThat(signIn.statusCode()).isEqualTo(200);

		// A wrong password on A: B's sign-in page has the email as typed, from the
		// session.
		HttpResponse<String> wrong = post(this.a, "/sign-in", cookies,
				Map.of("email", EMAIL, "password", "wrong", "_csrf", token(signIn)));
		assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
		HttpResponse<String> again = page(this.b, "/sign-in?error", cookies);
		assertThat(again.body()).contains("value=\"" + EMAIL + "\"");

		HttpResponse<String> signedIn = post(this.b, "/sign-in", cookies,
				Map.of("email", EMAIL, "password", PASSWORD, "_csrf", token(again)));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/manage"));
		assertThat(cookies).containsKey("signpost-session");

		HttpResponse<String> home = page(this.a, "/manage", cookies);
		assertThat(home.statusCode()).as("signed in on B, the workspace on A").isEqualTo(200);
		assertThat(home.body()).contains("Sign out");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?",
				Integer.class, EMAIL))
			.isOne();

		HttpResponse<String> out = post(this.b, "/sign-out", cookies, Map.of("_csrf", token(home)));
		assertThat(out.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?signed-out"));
		assertThat(page(this.a, "/manage", cookies).statusCode()).as("signed out on B, out on A too").isEqualTo(302);
	}

	@Test
	void aReportFormOpenedOnOneNodeIsAcceptedByTheOther() {
		this.jdbc.update("DELETE FROM rate_limit");
		int before = reports();
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> form = page(this.a, "/services/" + SERVICE + "/report", cookies);
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> sent = post(this.b, "/services/" + SERVICE + "/report", cookies,
				Map.of("problem", "closed", "_csrf", token(form)));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(reports()).isEqualTo(before + 1);
		assertThat(cookies).doesNotContainKey("signpost-session");
	}

	@Test
	void aListKeptOnOneNodeIsReadOnTheOther() {
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> service = page(this.a, "/services/" + SERVICE, cookies);
		HttpResponse<String> added = post(this.a, "/list/add", cookies,
				Map.of("id", SERVICE, "back", "/list", "_csrf", token(service)));
		assertThat(added.statusCode()).isEqualTo(302);
		HttpResponse<String> list = page(this.b, "/list", cookies);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("Food bank in the county");
	}

	/**
	 * What a node keeps in memory from the directory (the API's list of findable
	 * services) follows an import on another node within seconds.
	 */
	@Test
	void anImportOnOneNodeShowsInTheOthersApi() throws Exception {
		long before = apiTotal(this.b);
		FeedSource other = new FeedSource.Api(URI.create(base(this.publisher) + "/other"), null);
		assertThat(this.a.getBean(Importer.class).importFeed(other, "other", "Other").succeeded()).isTrue();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (apiTotal(this.b) == before && System.nanoTime() < until) {
			Thread.sleep(250);
		}
		assertThat(apiTotal(this.b)).isEqualTo(before + 1);
	}

	private long apiTotal(ConfigurableApplicationContext node) {
		HttpResponse<String> page = send(request(node, "/api/services", new LinkedHashMap<>()).GET(),
				new LinkedHashMap<>());
		Matcher total = Pattern.compile("\"total_items\"\\s*:\\s*(\\d+)").matcher(page.body());
		assertThat(total.find()).as(page.body()).isTrue();
		return Long.parseLong(total.group(1));
	}

	/**
	 * A scheduled task marked @SchedulerLock runs on one node at a time: while its lock
	 * is held (as by node A running it), node B's run does nothing.
	 */
	@Test
	void scheduledWorkRunsOnOneNodeAtATime() throws Exception {
		Object rollup = this.b.getBean("rollup");
		assertThat(AopUtils.isAopProxy(rollup)).isTrue();
		LocalDate longAgo = LocalDate.now().minusYears(2);
		this.jdbc.update("INSERT INTO analytics_event (at, on_day, kind) VALUES (?, ?, 'search')",
				OffsetDateTime.of(longAgo.atTime(12, 0), ZoneOffset.UTC), longAgo);
		SimpleLock held = this.a.getBean(ExtensibleLockProvider.class)
			.lock(new LockConfiguration(Instant.now(), "analytics-daily", Duration.ofMinutes(1), Duration.ZERO))
			.orElseThrow();
		daily(rollup);
		assertThat(oldEvents(longAgo)).as("B's run while A holds the lock").isOne();
		held.unlock();
		daily(rollup);
		assertThat(oldEvents(longAgo)).as("B's run once the lock is free").isZero();
	}

	/**
	 * While node A imports a feed, node B and the command line refuse to import the same
	 * feed, at once and saying why, rather than wait or write it twice; B imports it once
	 * A has finished.
	 */
	@Test
	void aSecondImportOfTheSameFeedIsRefusedWhileTheFirstRuns() throws Exception {
		FeedSource slow = new FeedSource.Api(URI.create(base(this.publisher) + "/slow"), null);
		this.release = new CountDownLatch(1);
		CompletableFuture<ImportReport> first = CompletableFuture
			.supplyAsync(() -> this.a.getBean(Importer.class).importFeed(slow, "slow", "Slow"));
		try {
			assertThat(this.slowAsked.await(60, TimeUnit.SECONDS)).as("A's import is under way").isTrue();
			assertThatThrownBy(() -> this.b.getBean(Importer.class).importFeed(slow, "slow", "Slow"))
				.isInstanceOf(Importer.AlreadyImporting.class)
				.hasMessage("An import of slow is already running (" + holder()
						+ "), so this one was not started: try again when that one has finished.");

			ByteArrayOutputStream err = new ByteArrayOutputStream();
			List<String> command = new ArrayList<>(List.of("import", base(this.publisher) + "/slow", "--publisher",
					"slow", "--signpost.data-dir=" + this.folder.resolve("command")));
			command.addAll(databaseSettings());
			assertThat(Commands.run(command.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()),
					new PrintStream(err, true, StandardCharsets.UTF_8)))
				.isOne();
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("An import of slow is already running");
		}
		finally {
			this.release.countDown();
		}
		assertThat(first.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
		assertThat(this.b.getBean(Importer.class).importFeed(slow, "slow", "Slow").succeeded()).isTrue();
		assertThat(runs("slow")).as("refused imports store no run").isEqualTo(2);
	}

	private String holder() {
		return this.jdbc.queryForObject("SELECT locked_by FROM shedlock WHERE name = 'import:slow'", String.class);
	}

	private static void daily(Object rollup) {
		var method = ReflectionUtils.findMethod(rollup.getClass(), "daily");
		ReflectionUtils.makeAccessible(method);
		ReflectionUtils.invokeMethod(method, rollup);
	}

	private int oldEvents(LocalDate day) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM analytics_event WHERE on_day = ?", Integer.class, day);
	}

	private int runs(String publisher) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM import_run WHERE publisher_id = ?", Integer.class,
				publisher);
	}

	private int reports() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class);
	}

	/** A node on its own data folder and ports, over the shared database. */
	private ConfigurableApplicationContext node(String name) {
		SpringApplication application = new SpringApplication(SignpostApplication.class);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--signpost.data-dir=" + this.folder.resolve(name), "--signpost.demo-data=false",
				"--spring.main.banner-mode=off", "--signpost.feeds[0].name=county",
				"--signpost.feeds[0].title=County Council",
				"--signpost.feeds[0].url=" + base(this.publisher) + "/county",
				// The quality report's level-1 checks ask the publisher's API too
				// (QualityTest): here only the imports' requests are counted.
				"--signpost.quality.after-import=false"));
		args.addAll(databaseSettings());
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * A publisher's ORUK API: /county has one service; /slow has two, and answers for the
	 * second only once {@link #release} opens.
	 */
	private void startPublisher() throws IOException {
		this.publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.publisher.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		Map<String, String> routes = Map.of("/county/services", list("county-1"), "/county/services/county-1",
				service("county-1", "Food bank in the county"), "/slow/services", list("slow-1", "slow-2"),
				"/slow/services/slow-1", service("slow-1", "Slow one"), "/slow/services/slow-2",
				service("slow-2", "Slow two"), "/other/services", list("other-1"), "/other/services/other-1",
				service("other-1", "Another publisher's service"));
		this.publisher.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			this.asked.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			try {
				if (path.equals("/slow/services/slow-2")) {
					this.slowAsked.countDown();
					this.release.await(60, TimeUnit.SECONDS);
				}
				String body = routes.get(path);
				byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				exchange.close();
			}
		});
		this.publisher.start();
	}

	private static String base(HttpServer server) {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static String list(String... ids) {
		String contents = java.util.Arrays.stream(ids)
			.map(id -> "{\"id\": \"%s\", \"name\": \"%s\", \"status\": \"active\"}".formatted(id, id))
			.collect(Collectors.joining(","));
		return """
				{"total_items": %d, "total_pages": 1, "page_number": 1, "size": %1$d, "first_page": true,
				 "last_page": true, "empty": false, "contents": [%s]}""".formatted(ids.length, contents);
	}

	private static String service(String id, String name) {
		return """
				{"id": "%s", "name": "%s", "description": "Free food parcels.", "status": "active",
				 "organization": {"id": "org-1", "name": "County Council"},
				 "phones": [{"id": "ph-1", "number": "01632 960123"}]}""".formatted(id, name);
	}

	private HttpResponse<String> page(ConfigurableApplicationContext node, String path) {
		return page(node, path, new LinkedHashMap<>());
	}

	/** A page as a browser asks for it, keeping the cookies it sets. */
	private HttpResponse<String> page(ConfigurableApplicationContext node, String path, Map<String, String> cookies) {
		return send(request(node, path, cookies).header("Accept", "text/html").GET(), cookies);
	}

	private HttpResponse<String> post(ConfigurableApplicationContext node, String path, Map<String, String> cookies,
			Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(request(node, path, cookies).header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)), cookies);
	}

	private static HttpRequest.Builder request(ConfigurableApplicationContext node, String path,
			Map<String, String> cookies) {
		HttpRequest.Builder request = HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + path));
		if (!cookies.isEmpty()) {
			request.header("Cookie",
					cookies.entrySet()
						.stream()
						.map(c -> c.getKey() + "=" + c.getValue())
						.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			for (String set : response.headers().allValues("Set-Cookie")) {
				String pair = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
				String value = pair.substring(pair.indexOf('=') + 1);
				if (value.isEmpty()) {
					cookies.remove(pair.substring(0, pair.indexOf('=')));
				}
				else {
					cookies.put(pair.substring(0, pair.indexOf('=')), value);
				}
			}
			return response;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String token(HttpResponse<String> page) {
		Matcher matcher = TOKEN.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF token in " + page.uri()).isTrue();
		return matcher.group(1);
	}

}
