package uk.signpost.search;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.demo.BenchmarkFolder;
import uk.signpost.geo.PlaceFinder;

/**
 * {@code bench-search}: generates the demo directory at a given size, imports it,
 * rebuilds the index (timed), then runs a realistic mix of searches, every one with its
 * filter counts, and prints latency percentiles per kind of search.
 */
public final class SearchBenchmark {

	private static final List<String> NEEDS = List.of("foodbank", "food bank", "help paying rent", "debt advice",
			"my mum has dementia", "counselling for my son", "counseling", "carers support", "benefits advice",
			"homeless", "domestic abuse", "dv", "alcohol", "stop smoking", "esol", "english classes", "job club",
			"cv help", "lonely", "befriending", "autism", "send", "stay and play", "baby group", "mental health",
			"anxiety", "bereavement", "energy bills", "warm space", "youth club", "demensia", "councelling", "foodbnak",
			"citizens advice", "cab", "gp", "dentist", "older people lunch club", "special educational needs",
			"wheelchair");

	private static final List<String> TOWNS = List.of("Preston", "Blackburn", "Burnley", "Blackpool", "Lancaster",
			"Chorley", "Leyland", "Accrington", "PR1", "BB2", "FY1", "LA1");

	private SearchBenchmark() {
	}

	/**
	 * work: a folder from an earlier run to search again without generating and importing
	 * (null for a fresh one). rebuild: time a rebuild first; without, search the index as
	 * the folder has it (brought up to date at start if it is behind).
	 */
	public static int run(int services, int queries, Path work, boolean rebuild, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> starter, PrintStream out) throws IOException {
		BenchmarkFolder folder = BenchmarkFolder.prepare(services, work, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		// The search itself, every time: its answers are not kept (docs/adr/0019).
		spring.add("--signpost.search.answers-kept=0");
		try (ConfigurableApplicationContext context = starter.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			if (rebuild) {
				SearchIndex.Rebuild took = context.getBean(SearchIndex.class).rebuild();
				// On OpenSearch (--spring.profiles.active=opensearch) the index is on the
				// cluster; a Lucene run over the same folder leaves its own on this disk.
				String backend = context.getEnvironment().getProperty("signpost.search.backend", "lucene");
				Path index = folder.data().resolve("index");
				out.printf("Index build (rebuild from the database, %s): %d services in %.1f s, %.0f services/s%s%n",
						backend, took.services(), took.took().toMillis() / 1e3,
						took.services() / (took.took().toMillis() / 1e3),
						backend.equals("lucene") ? String.format(", %.0f MB on disk", size(index) / 1e6) : "");
			}
			ServiceSearch search = context.getBean(ServiceSearch.class);
			PlaceFinder places = context.getBean(PlaceFinder.class);
			List<ServiceQuery.Near> nears = new ArrayList<>();
			for (String town : TOWNS) {
				if (places.find(town) instanceof PlaceFinder.Found found) {
					nears.add(new ServiceQuery.Near(found.latitude(), found.longitude(), found.areas()));
				}
			}
			List<String> categories = search.search(ServiceQuery.ALL.size(1))
				.facets()
				.get(Filter.CATEGORY)
				.stream()
				.map(SearchResult.FacetValue::value)
				.toList();
			Map<String, Function<Random, ServiceQuery>> kinds = new LinkedHashMap<>();
			kinds.put("text only", random -> ServiceQuery.ALL.text(pick(random, NEEDS)));
			kinds.put("text + place",
					random -> ServiceQuery.ALL.text(pick(random, NEEDS))
						.near(pick(random, nears))
						.radiusMiles(pick(random, SearchForm.RADII)));
			kinds.put("browse + filters",
					random -> ServiceQuery.ALL.with(Filter.CATEGORY, pick(random, categories))
						.near(pick(random, nears))
						.with(Filter.FREE, random.nextBoolean() ? Filter.TRUE : null)
						.with(Filter.AGE, random.nextBoolean() ? String.valueOf(8 + random.nextInt(70)) : null)
						.with(Filter.OPEN, random.nextInt(4) == 0 ? Filter.TRUE : null)
						.with(Filter.DELIVERY, random.nextInt(3) == 0 ? "in_person" : null)
						.nearestFirst(true));
			Random random = new Random(42);
			Map<String, long[]> slowest = new java.util.HashMap<>();
			for (int i = 0; i < Math.min(500, queries); i++) {
				for (Function<Random, ServiceQuery> kind : kinds.values()) {
					search.search(kind.apply(random));
				}
			}
			out.printf("%-18s %8s %8s %8s %8s  (ms, %d searches each, every one with filter counts)%n", "kind", "p50",
					"p95", "p99", "max", queries);
			for (Map.Entry<String, Function<Random, ServiceQuery>> kind : kinds.entrySet()) {
				long[] nanos = new long[queries];
				Map<String, long[]> byText = new java.util.TreeMap<>();
				for (int i = 0; i < queries; i++) {
					ServiceQuery query = kind.getValue().apply(random);
					long start = System.nanoTime();
					SearchResult result = search.search(query);
					nanos[i] = System.nanoTime() - start;
					long[] sum = byText.computeIfAbsent(String.valueOf(query.text()), k -> new long[3]);
					sum[0] += nanos[i];
					sum[1]++;
					sum[2] = result.total();
				}
				Arrays.sort(nanos);
				out.printf("%-18s %8.2f %8.2f %8.2f %8.2f%n", kind.getKey(), percentile(nanos, 50),
						percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
				slowest.putAll(byText);
			}
			out.println("Slowest searches by mean (ms, services matched):");
			slowest.entrySet()
				.stream()
				.sorted((a, b) -> Double.compare(b.getValue()[0] / (double) b.getValue()[1],
						a.getValue()[0] / (double) a.getValue()[1]))
				.limit(5)
				.forEach(e -> out.printf("  %-28s %6.2f %7d%n", e.getKey(), e.getValue()[0] / 1e6 / e.getValue()[1],
						e.getValue()[2]));
			System.gc();
			out.printf("Heap in use after the run (after a GC): %.0f MB of %.0f MB max%n",
					ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6,
					Runtime.getRuntime().maxMemory() / 1e6);
			return 0;
		}
	}

	private static double percentile(long[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static <T> T pick(Random random, List<T> options) {
		return options.get(random.nextInt(options.size()));
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
		}
	}

}
