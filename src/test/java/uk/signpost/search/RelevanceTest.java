package uk.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measured relevance: the judged queries in {@code relevance/queries.tsv}, as residents
 * type them, against the fixed directory in {@code relevance/services.tsv}. Prints
 * recall@10 and nDCG@10 per query and overall, writes them to target/relevance-report.md,
 * and fails when overall nDCG@10 falls under the bar.
 * <p>
 * Run alone: {@code ./mvnw test -Dtest=RelevanceTest}.
 */
class RelevanceTest extends DirectoryTest {

	/** Overall nDCG@10 must stay at or above this. */
	static final double NDCG_BAR = 0.95;

	/** Overall recall@10 must stay at or above this. */
	static final double RECALL_BAR = 0.95;

	/**
	 * No class of query (relatives' words, places in the words ...) may fall under this.
	 */
	static final double CLASS_BAR = 0.85;

	private static final Map<String, double[]> TOWNS = Map.of("Preston", new double[] { 53.7632, -2.7031 }, "Blackburn",
			new double[] { 53.7486, -2.4875 }, "Chorley", new double[] { 53.6530, -2.6320 }, "Burnley",
			new double[] { 53.7893, -2.2405 }, "Blackpool", new double[] { 53.8175, -3.0357 });

	private static final Map<String, String> OUTWARD = Map.of("Preston", "PR1", "Blackburn", "BB2", "Chorley", "PR7",
			"Burnley", "BB11", "Blackpool", "FY1");

	@Autowired
	Importer importer;

	@Autowired
	ServiceSearch search;

	@Autowired
	SearchIndex index;

	@Autowired
	PlaceFinder places;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path folder;

	record Judged(String query, String place, Map<String, Integer> grades, String kind) {
	}

	record Scored(Judged judged, List<String> found, double recall, double ndcg) {
	}

	@Test
	void judgedQueriesFindWhatTheyShould() throws IOException {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		Map<String, String> bySearchId = loadDirectory();

		List<Scored> scores = new ArrayList<>();
		for (Judged judged : judgedQueries()) {
			ServiceQuery query = ServiceQuery.ALL.text(judged.query()).size(10);
			PlaceFinder.Found found = null;
			if (!judged.place().isEmpty()) {
				var whereabouts = this.places.find(judged.place());
				assertThat(whereabouts).as(judged.place()).isInstanceOf(PlaceFinder.Found.class);
				found = (PlaceFinder.Found) whereabouts;
			}
			else {
				// As the search page does: a place typed after the need is the place.
				PlaceInWords inWords = PlaceInWords.find(judged.query(), this.places, this.index.needWords());
				if (inWords != null) {
					query = query.text(inWords.need());
					found = inWords.place();
				}
			}
			if (found != null) {
				query = query.near(new ServiceQuery.Near(found.latitude(), found.longitude(), found.areas()));
			}
			List<String> ids = this.search.search(query).hits().stream().map(hit -> bySearchId.get(hit.id())).toList();
			scores.add(score(judged, ids));
		}

		double recall = scores.stream().mapToDouble(Scored::recall).average().orElse(0);
		double ndcg = scores.stream().mapToDouble(Scored::ndcg).average().orElse(0);
		String report = report(scores, recall, ndcg);
		System.out.println(report);
		Files.writeString(Path.of("target", "relevance-report.md"), report);
		assertThat(scores).hasSizeGreaterThanOrEqualTo(120);
		classes(scores).forEach((kind, figures) -> {
			assertThat(figures[0]).as("recall@10 of " + kind + "; see target/relevance-report.md")
				.isGreaterThanOrEqualTo(CLASS_BAR);
			assertThat(figures[1]).as("nDCG@10 of " + kind + "; see target/relevance-report.md")
				.isGreaterThanOrEqualTo(CLASS_BAR);
		});
		assertThat(ndcg).as("overall nDCG@10; see target/relevance-report.md").isGreaterThanOrEqualTo(NDCG_BAR);
		assertThat(recall).as("overall recall@10; see target/relevance-report.md").isGreaterThanOrEqualTo(RECALL_BAR);
	}

	static Scored score(Judged judged, List<String> found) {
		long hits = found.stream().filter(judged.grades()::containsKey).count();
		double recall = (double) hits / judged.grades().size();
		double dcg = 0;
		for (int i = 0; i < Math.min(10, found.size()); i++) {
			dcg += gain(judged.grades().getOrDefault(found.get(i), 0)) / log2(i + 2);
		}
		List<Integer> ideal = judged.grades().values().stream().sorted((a, b) -> b - a).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += gain(ideal.get(i)) / log2(i + 2);
		}
		return new Scored(judged, found, recall, dcg / idcg);
	}

	private static double gain(int grade) {
		return Math.pow(2, grade) - 1;
	}

	private static double log2(int n) {
		return Math.log(n) / Math.log(2);
	}

	/** Each class's recall@10 and nDCG@10, and how many queries it has. */
	static Map<String, double[]> classes(List<Scored> scores) {
		Map<String, double[]> classes = new java.util.TreeMap<>();
		for (Scored s : scores) {
			double[] sums = classes.computeIfAbsent(s.judged().kind(), k -> new double[3]);
			sums[0] += s.recall();
			sums[1] += s.ndcg();
			sums[2]++;
		}
		classes.values().forEach(sums -> {
			sums[0] /= sums[2];
			sums[1] /= sums[2];
		});
		return classes;
	}

	private static String report(List<Scored> scores, double recall, double ndcg) {
		StringBuilder out = new StringBuilder("# Relevance: judged queries\n\n");
		out.append(String.format("Overall over %d queries: recall@10 %.3f, nDCG@10 %.3f (bars %.2f; %.2f a class)%n%n",
				scores.size(), recall, ndcg, NDCG_BAR, CLASS_BAR));
		out.append("| class | queries | recall@10 | nDCG@10 |\n|---|---|---|---|\n");
		classes(scores).forEach(
				(kind, f) -> out.append(String.format("| %s | %d | %.3f | %.3f |%n", kind, (int) f[2], f[0], f[1])));
		out.append("\n");
		out.append("| query | place | recall@10 | nDCG@10 | top 3 found |\n|---|---|---|---|---|\n");
		for (Scored s : scores) {
			out.append(String.format("| %s | %s | %.2f | %.2f | %s |%n", s.judged().query(), s.judged().place(),
					s.recall(), s.ndcg(), String.join(" ", s.found().subList(0, Math.min(3, s.found().size())))));
		}
		return out.toString();
	}

	/** Imports services.tsv; returns Signpost's service ids mapped to the file's ids. */
	private Map<String, String> loadDirectory() throws IOException {
		TestFeed feed = new TestFeed();
		Map<String, String> bySearchId = new HashMap<>();
		int n = 0;
		for (String line : lines("relevance/services.tsv")) {
			String[] f = line.split("\t");
			double[] town = TOWNS.get(f[5]);
			n++;
			// Venues spread over about a mile around the town centre.
			double latitude = town[0] + ((n % 7) - 3) * 0.003;
			double longitude = town[1] + ((n % 5) - 2) * 0.004;
			feed.service(f[0], f[1])
				.organisation(f[2])
				.category(f[3], f[4])
				.description(f[6])
				.eligibility(f[7])
				.venue("loc-" + f[0], latitude, longitude, OUTWARD.get(f[5]) + " " + (n % 9 + 1) + "AB", f[5], false);
			bySearchId.put(RecordId.of("relevance", "service", f[0]), f[0]);
		}
		ImportReport report = this.importer.importFeed(new FeedSource.Files(feed.write(this.folder)), "relevance",
				"Relevance fixture");
		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(n);
		return bySearchId;
	}

	private static List<Judged> judgedQueries() throws IOException {
		List<Judged> judged = new ArrayList<>();
		for (String line : lines("relevance/queries.tsv")) {
			String[] f = line.split("\t", -1);
			Map<String, Integer> grades = new LinkedHashMap<>();
			for (String item : f[2].strip().split("\\s+")) {
				String[] parts = item.split(":");
				grades.put(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
			}
			judged.add(new Judged(f[0], f[1], grades, f.length > 3 && !f[3].isBlank() ? f[3].strip() : "need"));
		}
		return judged;
	}

	private static List<String> lines(String resource) throws IOException {
		try (InputStream in = RelevanceTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
	}

}
