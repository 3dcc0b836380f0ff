package uk.signpost.api;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.demo.BenchmarkFolder;
import uk.signpost.directory.Service;

/**
 * {@code bench-api}: the demo directory at a given size behind a real web server, asked
 * for pages of whole services as an aggregator would, plus the other common calls; prints
 * p50/p95/p99 per kind of request, measured at the client over loopback HTTP.
 */
public final class ApiBenchmark {

	private static final List<String> POSTCODES = List.of("PR1", "BB2", "FY1", "LA1", "Preston", "Burnley", "Chorley");

	private ApiBenchmark() {
	}

	/** site: starts the site with these settings, on the port they give. */
	public static int run(int services, int requests, java.nio.file.Path reuse, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> site, PrintStream out)
			throws IOException, InterruptedException {
		BenchmarkFolder folder = BenchmarkFolder.prepare(services, reuse, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		try (ConfigurableApplicationContext context = site.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/api";
			List<String> ids = context.getBean(JdbcTemplate.class)
				.queryForList("SELECT s.id FROM service s WHERE " + Service.FINDABLE + " ORDER BY s.id LIMIT 5000",
						String.class);
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			long total = first(http, base + "/services?per_page=1");
			int pages = (int) Math.max(1, Math.min(total / 50, 2000));
			out.printf("%d findable services, %d pages of 50%n", total, total / 50);

			Map<String, Function<Random, String>> kinds = new LinkedHashMap<>();
			kinds.put("services full=true", r -> "/services?per_page=50&full=true&page=" + (1 + r.nextInt(pages)));
			kinds.put("services (list)", r -> "/services?per_page=50&page=" + (1 + r.nextInt(pages)));
			kinds.put("services/{id}", r -> "/services/" + ids.get(r.nextInt(ids.size())));
			kinds.put("search + taxonomy", r -> "/services?per_page=50&search=" + encode(
					List.of("food", "debt", "carers", "dementia", "youth club", "counselling").get(r.nextInt(6))));
			kinds.put("service_at_locations 1 km", r -> "/service_at_locations?per_page=50&proximity=1000&postcode="
					+ encode(POSTCODES.get(r.nextInt(POSTCODES.size()))));
			kinds.put("service_at_locations 5 km", r -> "/service_at_locations?per_page=50&proximity=5000&postcode="
					+ encode(POSTCODES.get(r.nextInt(POSTCODES.size()))));
			kinds.put("service_at_locations pc", r -> "/service_at_locations?per_page=50&page=" + (1 + r.nextInt(20))
					+ "&postcode=" + encode(POSTCODES.get(r.nextInt(POSTCODES.size()))));

			Random random = new Random(42);
			for (int i = 0; i < Math.min(200, requests); i++) {
				for (Function<Random, String> kind : kinds.values()) {
					get(http, base + kind.apply(random));
				}
			}
			out.printf("%-28s %8s %8s %8s %8s %10s  (ms, %d requests each)%n", "request", "p50", "p95", "p99", "max",
					"KB mean", requests);
			for (Map.Entry<String, Function<Random, String>> kind : kinds.entrySet()) {
				long[] nanos = new long[requests];
				long bytes = 0;
				for (int i = 0; i < requests; i++) {
					String url = base + kind.getValue().apply(random);
					long start = System.nanoTime();
					bytes += get(http, url);
					nanos[i] = System.nanoTime() - start;
				}
				Arrays.sort(nanos);
				out.printf("%-28s %8.2f %8.2f %8.2f %8.2f %10.1f%n", kind.getKey(), percentile(nanos, 50),
						percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6,
						bytes / 1024.0 / requests);
			}
			return 0;
		}
	}

	private static long first(HttpClient http, String url) throws IOException, InterruptedException {
		String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		int at = body.indexOf("\"total_items\":") + "\"total_items\":".length();
		return Long.parseLong(body.substring(at, body.indexOf(',', at)));
	}

	/** The answer's size in bytes; fails on anything but 200. */
	private static long get(HttpClient http, String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
		return response.body().length;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
