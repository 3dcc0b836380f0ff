package uk.signpost.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.demo.BenchmarkFolder;
import uk.signpost.directory.Service;

/**
 * {@code bench-web}: the demo directory at a given size behind the real site, loaded with
 * the page mix of issue 19 by concurrent connections over loopback, each kind in turn
 * with the site's own stylesheet in the same window, so the ratio says how far a page is
 * from what the server can do at all. Prints req/s, p50, p99 and errors per kind, the
 * ratio to the static file, an unloaded search page's time, and a results page's size
 * plain and gzipped. The client shares the machine with the site, as wrk would. With
 * {@code --target} it loads a site already running instead (.ci/bench-nodes: one node,
 * then two behind nginx).
 */
public final class WebBenchmark {

	/** How many services' pages the service-page requests draw from. */
	private static final int IDS = 5000;

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private WebBenchmark() {
	}

	/** One window of load: requests done, errors, and each request's time. */
	record Window(long requests, long errors, long[] nanos, double seconds) {

		double rate() {
			return this.requests / this.seconds;
		}

		double percentile(int percent) {
			if (this.nanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(percent / 100.0 * this.nanos.length) - 1;
			return this.nanos[Math.max(0, index)] / 1e6;
		}

	}

	public static int run(int services, int seconds, int connections, String only, Path reuse, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> site, PrintStream out)
			throws IOException, InterruptedException {
		BenchmarkFolder folder = BenchmarkFolder.prepare(services, reuse, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		try (ConfigurableApplicationContext context = site.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			List<String> ids = jdbc.queryForList(
					"SELECT s.id FROM service s WHERE " + Service.FINDABLE + " ORDER BY s.id LIMIT " + IDS,
					String.class);
			long findable = jdbc.queryForObject("SELECT COUNT(*) FROM service s WHERE " + Service.FINDABLE, Long.class);
			return measure(client(), "http://localhost:" + context.getEnvironment().getProperty("local.server.port"),
					ids, findable, seconds, connections, only, out);
		}
	}

	/**
	 * {@code bench-web --target <url>}: the same windows against a site already running
	 * there (one node, or a load balancer in front of several), which may be on another
	 * machine; the service pages' ids come from its own ORUK API.
	 */
	public static int target(String target, int seconds, int connections, String only, PrintStream out)
			throws IOException, InterruptedException {
		String base = target.replaceAll("/+$", "");
		if (!base.matches("https?://[^/]+.*")) {
			throw new IllegalArgumentException("--target takes the site's address, such as http://127.0.0.1:8080");
		}
		HttpClient http = client();
		List<String> ids = new ArrayList<>();
		long findable = 0;
		for (int page = 1; ids.size() < IDS; page++) {
			HttpResponse<String> answer;
			try {
				answer = get(http, base + "/api/services?per_page=100&page=" + page, false);
			}
			catch (IOException ex) {
				out.println("No site answers at " + base + ": " + ex);
				return 1;
			}
			JsonNode body = answer.statusCode() == 200 ? json(answer.body()) : null;
			if (body == null || !body.has("contents")) {
				out.println(base + "/api/services answered " + answer.statusCode() + ", not a page of services");
				return 1;
			}
			findable = body.path("total_items").asLong();
			body.get("contents").forEach(service -> ids.add(service.get("id").asString()));
			if (body.path("last_page").asBoolean(true)) {
				break;
			}
		}
		if (ids.isEmpty()) {
			out.println(base + " lists no services: load a directory first");
			return 1;
		}
		return measure(http, base, ids, findable, seconds, connections, only, out);
	}

	/**
	 * The windows themselves; ids: services to ask for pages of. only: the kinds whose
	 * name starts with it (all for null).
	 */
	private static int measure(HttpClient http, String base, List<String> ids, long findable, int seconds,
			int connections, String only, PrintStream out) throws IOException, InterruptedException {
		String start = get(http, base + "/", false).body();
		Matcher css = Pattern.compile("href=\"(/css/signpost[^\"]*\\.css)\"").matcher(start);
		if (!css.find()) {
			out.println("The start page links no stylesheet");
			return 1;
		}
		String staticFile = css.group(1);

		Map<String, Function<Random, String>> kinds = new LinkedHashMap<>();
		kinds.put("search food bank, Preston", r -> "/search?q=food+bank&where=Preston");
		kinds.put("search mental health", r -> "/search?q=mental+health");
		kinds.put("search Food, free, age 70", r -> "/search?category=Food&free=true&age=70");
		kinds.put("a service page", r -> "/services/" + ids.get(r.nextInt(ids.size())));
		kinds.put("api services full 50", r -> "/api/services?per_page=50&full=true&page=" + (1 + r.nextInt(20)));
		kinds.put("api sal PR1 5 km", r -> "/api/service_at_locations?postcode=PR1&proximity=5000&per_page=50");
		kinds.put("api sal PR1", r -> "/api/service_at_locations?postcode=PR1&per_page=50");
		if (only != null) {
			kinds.keySet().removeIf(kind -> !kind.startsWith(only));
			if (kinds.isEmpty()) {
				throw new IllegalArgumentException("--only takes the start of a kind's name, such as search or api");
			}
		}

		// Warm the JIT and the caches on every kind before anything is measured.
		load(http, base, r -> staticFile, connections, Math.max(2, seconds / 2));
		for (Function<Random, String> kind : kinds.values()) {
			load(http, base, kind, connections, Math.max(2, seconds / 2));
		}

		long[] unloaded = new long[50];
		for (int i = 0; i < unloaded.length; i++) {
			long t = System.nanoTime();
			get(http, base + "/search?q=food+bank&where=Preston", false);
			unloaded[i] = System.nanoTime() - t;
		}
		Arrays.sort(unloaded);
		byte[] plain = get(http, base + "/search?q=food+bank&where=Preston", false).body().getBytes();
		long gzipped = getBytes(http, base + "/search?q=food+bank&where=Preston", true);
		out.printf(
				"%,d findable services (service pages from %,d of them); %d connections, %d s a window, "
						+ "each kind in turn with %s%n",
				findable, ids.size(), connections, seconds, staticFile.replaceAll("-[0-9a-f]+", ""));
		out.printf("unloaded search page: p50 %.1f ms; results page %,d bytes, %,d gzipped%n",
				unloaded[unloaded.length / 2] / 1e6, plain.length, gzipped);
		out.printf("%-28s %9s %8s %8s %7s %11s %8s%n", "request", "req/s", "p50 ms", "p99 ms", "errors", "static r/s",
				"ratio");
		for (Map.Entry<String, Function<Random, String>> kind : kinds.entrySet()) {
			Window file = load(http, base, r -> staticFile, connections, seconds);
			Window page = load(http, base, kind.getValue(), connections, seconds);
			out.printf("%-28s %9.0f %8.1f %8.1f %7d %11.0f %8s%n", kind.getKey(), page.rate(), page.percentile(50),
					page.percentile(99), page.errors(), file.rate(),
					"1/" + Math.round(file.rate() / Math.max(page.rate(), 0.001)));
		}
		return 0;
	}

	/**
	 * The answer read as JSON, or null when it is not (a target that is not Signpost).
	 */
	private static JsonNode json(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.executor(Executors.newFixedThreadPool(4))
			.build();
	}

	/**
	 * connections loops asking for what kind gives, for seconds; answers other than 200
	 * are errors.
	 */
	private static Window load(HttpClient http, String base, Function<Random, String> kind, int connections,
			int seconds) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(connections);
		ConcurrentLinkedQueue<long[]> times = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		long began = System.nanoTime();
		for (int c = 0; c < connections; c++) {
			int seed = c;
			pool.submit(() -> {
				Random random = new Random(seed);
				long[] mine = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end && n < mine.length) {
					long t = System.nanoTime();
					try {
						if (get(http, base + kind.apply(random), true).statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (IOException ex) {
						errors.incrementAndGet();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						break;
					}
					mine[n++] = System.nanoTime() - t;
				}
				times.add(Arrays.copyOf(mine, n));
			});
		}
		pool.shutdown();
		pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
		double took = (System.nanoTime() - began) / 1e9;
		long[] all = times.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Window(all.length, errors.get(), all, took);
	}

	private static HttpResponse<String> get(HttpClient http, String url, boolean gzip)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*");
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static long getBytes(HttpClient http, String url, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html,*/*");
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body().length;
	}

}
