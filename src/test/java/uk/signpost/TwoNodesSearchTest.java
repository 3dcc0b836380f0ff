package uk.signpost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.demo.DemoDirectory;
import uk.signpost.search.ApiFilters;
import uk.signpost.search.ServiceLists;
import uk.signpost.search.ServiceQuery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's whole two-node test, which needs a search index both nodes share: node A (a
 * child JVM importing a feed) and node B (a site in this JVM) over one PostgreSQL
 * (SIGNPOST_DB_URL) and one OpenSearch (SIGNPOST_OPENSEARCH_URL, which the nodes read
 * from the environment they inherit). What A imports B finds within seconds; A killed
 * with SIGKILL mid-import leaves B serving without an error; once A has imported again,
 * B's API and search count the same services. Skipped without SIGNPOST_OPENSEARCH_URL:
 * each node's own Lucene index cannot be shared.
 */
@Tag("postgres")
@EnabledIfEnvironmentVariable(named = "SIGNPOST_OPENSEARCH_URL", matches = ".+")
class TwoNodesSearchTest {

	/** The two nodes' index on the shared OpenSearch node, apart from other tests'. */
	private static final String INDEX = "signpost-two-nodes-" + ProcessHandle.current().pid();

	private static final int SERVICES = 3000;

	@TempDir
	Path folder;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void whatNodeAImportsNodeBFindsEvenWhenAIsKilled() throws Exception {
		new PostgresTwoNodesTest().clearDatabase();
		Path feed = this.folder.resolve("feed");
		DemoDirectory.write(feed, SERVICES, 5L, LocalDate.of(2026, 11, 1));
		try (ConfigurableApplicationContext b = nodeB()) {
			String base = "http://127.0.0.1:" + b.getEnvironment().getProperty("local.server.port");
			ServiceLists search = b.getBean(ServiceLists.class);
			LongSupplier searchTotal = () -> search.list(ServiceQuery.ALL, ApiFilters.NONE, 0, 1).total();

			// A small import on A, found by a search on B within seconds.
			Path one = this.folder.resolve("one");
			DemoDirectory.write(one, 20, 9L, LocalDate.of(2026, 11, 1));
			assertThat(runA(List.of("import", one.toString(), "--publisher", "small"))).isZero();
			assertThat(waitFor(() -> searchTotal.getAsLong() >= 1, 30)).as("A's import found on B").isTrue();

			// A killed mid-import: B answers every request meanwhile.
			List<String> errors = new CopyOnWriteArrayList<>();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread resident = new Thread(() -> {
				while (running.get()) {
					for (String path : List.of("/search?q=" + URLEncoder.encode("food", StandardCharsets.UTF_8),
							"/api/services?per_page=5")) {
						int status = status(base + path);
						if (status != 200) {
							errors.add(path + " " + status);
						}
					}
				}
			});
			resident.start();
			killAWhen(List.of("import", feed.toString(), "--publisher", "demo", "--name", "Demo"),
					line -> line.contains("Committed a batch: 500 "));
			// Its feed lock ends at most HeldLocks.HELD_FOR (2 minutes) after the kill.
			long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			int exit;
			do {
				exit = runA(List.of("import", feed.toString(), "--publisher", "demo", "--name", "Demo"));
			}
			while (exit != 0 && System.nanoTime() < until && sleep(5000));
			assertThat(exit).as("A's import again, once its killed run's lock has ended").isZero();
			running.set(false);
			resident.join();
			assertThat(errors).as("B's answers while A was killed and restarted").isEmpty();

			assertThat(waitFor(() -> apiTotal(base) == searchTotal.getAsLong(), 60)).isTrue();
			assertThat(apiTotal(base)).isGreaterThan(SERVICES / 2);
		}
	}

	private ConfigurableApplicationContext nodeB() {
		SpringApplication application = new SpringApplication(SignpostApplication.class);
		DataFolderLock.install(application);
		return application.run("--server.port=0", "--management.server.port=0",
				"--signpost.data-dir=" + this.folder.resolve("b"), "--signpost.demo-data=false",
				"--spring.main.banner-mode=off", "--spring.profiles.active=postgres,opensearch",
				"--signpost.search.opensearch-index=" + INDEX);
	}

	private Process startA(List<String> command) throws IOException {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), SignpostApplication.class.getName()));
		line.addAll(command);
		line.add("--signpost.data-dir=" + this.folder.resolve("a"));
		line.add("--logging.level.uk.signpost.ingest.Importer=debug");
		line.add("--spring.profiles.active=postgres,opensearch");
		line.add("--signpost.search.opensearch-index=" + INDEX);
		return new ProcessBuilder(line).redirectErrorStream(true).start();
	}

	private int runA(List<String> command) throws Exception {
		Process process = startA(command);
		process.getInputStream().transferTo(System.out);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return process.exitValue();
	}

	private void killAWhen(List<String> command, java.util.function.Predicate<String> when) throws Exception {
		Process process = startA(command);
		boolean seen = false;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null && !seen; line = out.readLine()) {
				seen = when.test(line);
			}
		}
		process.destroyForcibly();
		process.waitFor(1, TimeUnit.MINUTES);
		assertThat(seen).as("A printed the line to be killed at").isTrue();
		assertThat(process.exitValue()).as("killed, not finished").isEqualTo(137);
	}

	private long apiTotal(String base) {
		try {
			String body = this.http
				.send(HttpRequest.newBuilder(URI.create(base + "/api/services?per_page=1")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher total = Pattern.compile("\"total_items\"\\s*:\\s*(\\d+)").matcher(body);
			assertThat(total.find()).as(body).isTrue();
			return Long.parseLong(total.group(1));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int status(String address) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(address))
				// As a browser asks for a page, and a program for the API's JSON.
				.header("Accept", address.contains("/api/") ? "application/json" : "text/html")
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException | InterruptedException ex) {
			return -1;
		}
	}

	private static boolean waitFor(java.util.function.BooleanSupplier condition, int seconds) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until || !sleep(250)) {
				return false;
			}
		}
		return true;
	}

	private static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
