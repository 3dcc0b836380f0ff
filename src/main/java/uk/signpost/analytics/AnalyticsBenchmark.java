package uk.signpost.analytics;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.demo.BenchmarkFolder;

/**
 * {@code bench-analytics}: what recording costs the search page. The demo directory
 * behind a real web server, asked for search pages over loopback HTTP in rounds with
 * recording on and off in turn (on, off, on, off ...), the same queries in each round;
 * prints each round's requests a second, p50 and p99, and the two settings side by side.
 */
public final class AnalyticsBenchmark {

	private static final List<String> NEEDS = List.of("food bank", "debt advice", "carers", "dementia", "youth club",
			"counselling", "housing", "benifits", "mental health", "lonely");

	private static final List<String> PLACES = List.of("", "PR1 2HE", "BB2", "Preston", "Burnley", "FY1", "LA1");

	private AnalyticsBenchmark() {
	}

	/** site: starts the site with these settings, on the port they give. */
	public static int run(int services, int requests, int rounds, Path reuse, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> site, PrintStream out)
			throws IOException, InterruptedException {
		BenchmarkFolder folder = BenchmarkFolder.prepare(services, reuse, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		try (ConfigurableApplicationContext context = site.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			Recorder recorder = context.getBean(Recorder.class);
			String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<String> urls = urls(requests);
			// Warm up both ways, every query once each: the JIT, the index's caches, the
			// insert.
			for (boolean on : new boolean[] { true, false }) {
				recorder.enable(on);
				for (String url : urls) {
					get(http, base + url);
				}
			}
			out.printf("%-10s %-4s %10s %9s %9s  (%d search pages each, one client)%n", "round", "rec", "req/s",
					"p50 ms", "p99 ms", requests);
			long[][] all = new long[2][0];
			double[] seconds = new double[2];
			for (int round = 0; round < rounds * 2; round++) {
				boolean on = round % 2 == 0;
				recorder.enable(on);
				long[] nanos = new long[requests];
				long start = System.nanoTime();
				for (int i = 0; i < requests; i++) {
					long began = System.nanoTime();
					get(http, base + urls.get(i));
					nanos[i] = System.nanoTime() - began;
				}
				double elapsed = (System.nanoTime() - start) / 1e9;
				int setting = on ? 0 : 1;
				seconds[setting] += elapsed;
				all[setting] = concat(all[setting], nanos);
				Arrays.sort(nanos);
				out.printf("%-10s %-4s %10.1f %9.2f %9.2f%n", (round / 2 + 1) + (on ? "A" : "B"), on ? "on" : "off",
						requests / elapsed, percentile(nanos, 50), percentile(nanos, 99));
			}
			recorder.enable(true);
			recorder.flush();
			double[] rate = new double[2];
			for (int setting = 0; setting < 2; setting++) {
				Arrays.sort(all[setting]);
				rate[setting] = all[setting].length / seconds[setting];
				out.printf("%-10s %-4s %10.1f %9.2f %9.2f%n", "all", setting == 0 ? "on" : "off", rate[setting],
						percentile(all[setting], 50), percentile(all[setting], 99));
			}
			out.printf("recording on costs %.1f %% of throughput (target: under 5 %%)%n",
					100 * (rate[1] - rate[0]) / rate[1]);
			return 0;
		}
	}

	/** The same mix of needs, places, filters and pages for every round. */
	private static List<String> urls(int count) {
		Random random = new Random(18);
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String place = PLACES.get(random.nextInt(PLACES.size()));
			urls.add("/search?q=" + encode(NEEDS.get(random.nextInt(NEEDS.size())))
					+ (place.isEmpty() ? "" : "&where=" + encode(place)) + (random.nextInt(4) == 0 ? "&free=true" : "")
					+ (random.nextInt(5) == 0 ? "&page=2" : ""));
		}
		return urls;
	}

	private static long[] concat(long[] a, long[] b) {
		long[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private static void get(HttpClient http, String url) throws IOException, InterruptedException {
		HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode());
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
