package uk.signpost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.demo.DemoDirectory;
import uk.signpost.search.SearchResult;
import uk.signpost.search.ApiFilters;
import uk.signpost.search.ServiceLists;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash at any moment heals itself on restart. Signpost runs in a child JVM that is
 * killed with SIGKILL at points of an import and of a rebuild; the site is then started
 * on the same data, and the API's count of services must equal what search finds, with
 * every service findable by its own name. The points are logged progress lines, plus a
 * random delay whose seed each failure names.
 */
class CrashRecoveryTest {

	private static final int SERVICES = 3000;

	private final long seed = System.nanoTime();

	private final Random random = new Random(this.seed);

	@TempDir
	Path folder;

	/** Settings that put the child and the restarted site on the database under test. */
	protected List<String> databaseSettings() {
		return List.of();
	}

	/**
	 * Empties the database under test between scenarios (H2 starts each in a new folder).
	 */
	protected void clearDatabase() {
	}

	@Test
	void killedImportsAndRebuildsHealOnRestart() throws Exception {
		Path feed = this.folder.resolve("feed");
		DemoDirectory.write(feed, SERVICES, 5L, LocalDate.of(2026, 11, 1));

		// An import killed early, then run again to the end.
		clearDatabase();
		Path data = this.folder.resolve("data-1");
		killWhen(data, line -> line.contains("Committed a batch: 500 "), importing(feed));
		long committed = assertApiAndSearchAgree(data);
		assertThat(run(data, importing(feed))).isZero();
		// Some of the demo's services are not findable (closed, or no longer listed).
		long findable = assertApiAndSearchAgree(data);
		assertThat(committed).as("seed " + this.seed).isPositive().isLessThan(findable);

		// A rebuild killed after handing the index its first batch, and at a random
		// moment.
		killWhen(data, line -> line.contains("Indexing: 1000 of"), List.of("reindex"));
		assertThat(assertApiAndSearchAgree(data)).isEqualTo(findable);
		killAfter(data, 500 + this.random.nextInt(4000), List.of("reindex"));
		assertThat(assertApiAndSearchAgree(data)).isEqualTo(findable);

		// An import killed late at a random moment, and one killed while indexing.
		clearDatabase();
		Path late = this.folder.resolve("data-2");
		killWhen(late, line -> line.contains("Committed a batch: 2000 "), importing(feed), this.random.nextInt(400));
		assertApiAndSearchAgree(late);
		clearDatabase();
		Path indexing = this.folder.resolve("data-3");
		killWhen(indexing, line -> line.contains("Indexing: 1000 of " + SERVICES + " "), importing(feed));
		assertThat(assertApiAndSearchAgree(indexing)).as("seed " + this.seed).isEqualTo(findable);
		clearDatabase();
	}

	private static List<String> importing(Path feed) {
		return List.of("import", feed.toString(), "--publisher", "demo", "--name", "Demo");
	}

	private Process start(Path data, List<String> command) throws IOException {
		List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", System.getProperty("java.class.path"), SignpostApplication.class.getName()));
		line.addAll(command);
		line.add("--signpost.data-dir=" + data);
		line.add("--logging.level.uk.signpost.ingest.Importer=debug");
		line.add("--logging.level.uk.signpost.search.SearchIndex=debug");
		line.addAll(databaseSettings());
		return new ProcessBuilder(line).redirectErrorStream(true).start();
	}

	private int run(Path data, List<String> command) throws Exception {
		Process process = start(data, command);
		process.getInputStream().transferTo(System.out);
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		return process.exitValue();
	}

	private void killWhen(Path data, Predicate<String> when, List<String> command) throws Exception {
		killWhen(data, when, command, 0);
	}

	/**
	 * Kills the child with SIGKILL once it prints a matching line (and delay ms more).
	 */
	private void killWhen(Path data, Predicate<String> when, List<String> command, int delay) throws Exception {
		Process process = start(data, command);
		boolean seen = false;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (when.test(line)) {
					seen = true;
					Thread.sleep(delay);
					process.destroyForcibly();
					break;
				}
			}
		}
		process.waitFor(1, TimeUnit.MINUTES);
		assertThat(seen).as("the child printed the line to be killed at").isTrue();
		assertThat(process.exitValue()).as("killed, not finished (seed %d)", this.seed).isEqualTo(137);
	}

	private void killAfter(Path data, int millis, List<String> command) throws Exception {
		Process process = start(data, command);
		// Read, so the child never waits on a full pipe; the stream ends with the kill.
		Thread reader = new Thread(() -> {
			try {
				process.getInputStream().transferTo(OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				// closed by the kill
			}
		});
		reader.start();
		Thread.sleep(millis);
		process.destroyForcibly();
		process.waitFor(1, TimeUnit.MINUTES);
		reader.join();
	}

	/**
	 * Starts the site on the data left behind and checks the API's count against the
	 * index's; returns the count.
	 */
	private long assertApiAndSearchAgree(Path data) throws Exception {
		SpringApplication application = new SpringApplication(SignpostApplication.class);
		DataFolderLock.install(application);
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--signpost.data-dir=" + data, "--signpost.demo-data=false", "--spring.main.banner-mode=off"));
		args.addAll(databaseSettings());
		try (ConfigurableApplicationContext site = application.run(args.toArray(String[]::new))) {
			String base = "http://127.0.0.1:" + site.getEnvironment().getProperty("local.server.port");
			Map<String, String> names = new LinkedHashMap<>();
			long total = apiServices(base, names);
			ServiceLists search = site.getBean(ServiceLists.class);
			SearchResult everything = search.list(ServiceQuery.ALL, ApiFilters.NONE, 0, SERVICES + 10);
			Set<String> indexed = new HashSet<>();
			everything.hits().forEach(hit -> indexed.add(hit.id()));
			assertThat(everything.total()).as("services search finds (seed %d)", this.seed).isEqualTo(total);
			assertThat(indexed).as("the index holds exactly the API's services").isEqualTo(names.keySet());
			// Every service is in the index (above); a sample, different each run, is
			// looked up by name as a resident would.
			List<String> ids = new ArrayList<>(names.keySet());
			Collections.shuffle(ids, this.random);
			List<String> missing = new ArrayList<>();
			ids.stream().limit(300).forEach(id -> {
				String name = names.get(id);
				List<String> found = search.list(ServiceQuery.ALL.text(name), ApiFilters.NONE, 0, 500)
					.hits()
					.stream()
					.map(SearchResult.Hit::id)
					.toList();
				if (!found.contains(id)) {
					missing.add(name);
				}
			});
			assertThat(missing).as("services not found by their own name").isEmpty();
			return total;
		}
	}

	/** total_items of /api/services, and every service's id and name, page by page. */
	private static long apiServices(String base, Map<String, String> names) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		long total = -1;
		for (int page = 1; total < 0 || names.size() < total; page++) {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(base + "/api/services?per_page=100&page=" + page)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json.readTree(response.body());
			total = body.get("total_items").asLong();
			if (body.get("contents").isEmpty()) {
				break;
			}
			body.get("contents")
				.forEach(service -> names.put(service.get("id").asString(), service.get("name").asString()));
		}
		return total;
	}

}
