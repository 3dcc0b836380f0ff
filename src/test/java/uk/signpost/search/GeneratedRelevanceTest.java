package uk.signpost.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.demo.Voice;
import uk.signpost.directory.RecordId;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measured relevance, second judged set (issue 15): the judged queries in
 * {@code relevance-generated/queries.tsv} against a directory of {@value #SERVICES}
 * services generated in the providers' words ({@link Voice#PROVIDER}) from a seed of its
 * own, so that the figures say whether the synonym list, written beside the first set's
 * directory and the council's words, holds up for wording it has not seen.
 * <p>
 * Judgement: a service's relevance is decided by its need, the taxonomy term it was
 * generated for, never by its words. A query names the needs that answer it, with grade 2
 * (the answer) or 1 (also useful), and every findable service (active or temporarily
 * closed) of a named need is relevant with that grade. With a place, relevance also
 * requires a venue within the default radius (5 miles) of the point Signpost finds for
 * the place: only a local service of the right need is graded, and one elsewhere, or by
 * phone or online only, counts as not relevant. recall@10 is the relevant services in the
 * top 10 over min(10, relevant services); nDCG@10 has gain 2^grade - 1 and an ideal
 * ranking of the relevant services that exist in the generated directory, capped at 10.
 * Prints the figures per class of query (the file's "## " lines), overall and per query,
 * writes them to target/relevance-generated-report.md, and fails under the bars.
 * <p>
 * Run alone: {@code ./mvnw test -Dtest=GeneratedRelevanceTest}.
 */
class GeneratedRelevanceTest extends DirectoryTest {

	/**
	 * Overall nDCG@10 must stay at or above this. Measured on 2026-12-02: 0.795 with the
	 * synonym list as it was, 0.931 once it learnt the words this set showed it lacked
	 * (docs/search.md); every class is now 0.85 or more.
	 */
	static final double NDCG_BAR = 0.90;

	/**
	 * Overall recall@10 must stay at or above this. Measured on 2026-12-02: 0.886, then
	 * 0.954.
	 */
	static final double RECALL_BAR = 0.90;

	static final int SERVICES = 600;

	/**
	 * Not the default demo directory's seed, so services fall on other towns and needs.
	 */
	static final long SEED = 15L;

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);

	private static final String PUBLISHER = "generated";

	/** The mean earth radius Lucene's distances use, in miles. */
	private static final double EARTH_MILES = 6371008.7714 / 1609.344;

	private static final Pattern GRADE = Pattern.compile("\\s*([^:]+?):([12])");

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

	/** A query as judged: needs are taxonomy term names with their grades. */
	record Judged(String kind, String query, String place, Map<String, Integer> needs) {
	}

	/** A generated service as the judgement sees it: its need and its venues. */
	record Generated(String id, String name, String need, List<double[]> venues) {
	}

	/** searched: what Signpost searched for when it corrected the spelling, else null. */
	record Scored(Judged judged, Map<Generated, Integer> grades, List<Generated> found, String searched, double recall,
			double ndcg) {
	}

	@Test
	void judgedQueriesFindWhatTheyShouldInADirectoryOfOtherWords() throws IOException {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		Path feed = this.folder.resolve("feed");
		DemoDirectory.write(feed, SERVICES, SEED, TODAY, Voice.PROVIDER);
		Map<String, Generated> bySearchId = generated(feed);
		ImportReport report = this.importer.importFeed(new FeedSource.Files(feed), PUBLISHER, "Generated directory");
		assertThat(report.succeeded()).as(report.summary()).isTrue();
		assertThat(report.servicesCreated()).isEqualTo(SERVICES);
		Set<String> needs = new LinkedHashSet<>();
		bySearchId.values().forEach(g -> needs.add(g.need()));

		List<Scored> scores = new ArrayList<>();
		List<String> unanswered = new ArrayList<>();
		for (Judged judged : judgedQueries()) {
			assertThat(needs).as("needs named for " + judged.query()).containsAll(judged.needs().keySet());
			ServiceQuery query = ServiceQuery.ALL.text(judged.query()).size(10);
			ServiceQuery.Near near = null;
			if (!judged.place().isEmpty()) {
				var whereabouts = this.places.find(judged.place());
				assertThat(whereabouts).as(judged.place()).isInstanceOf(PlaceFinder.Found.class);
				var found = (PlaceFinder.Found) whereabouts;
				near = new ServiceQuery.Near(found.latitude(), found.longitude(), found.areas());
				query = query.near(near);
			}
			Map<Generated, Integer> grades = grades(judged, near, bySearchId.values());
			if (grades.isEmpty()) {
				unanswered.add((judged.query() + " " + judged.place()).strip());
				continue;
			}
			SearchResult result = this.search.search(query);
			List<Generated> found = result.hits().stream().map(hit -> bySearchId.get(hit.id())).toList();
			scores.add(score(judged, grades, found, result.corrected() ? result.searchedFor() : null));
		}

		assertThat(unanswered).as("queries no generated service answers").isEmpty();
		String text = report(scores);
		System.out.println(text);
		Files.writeString(Path.of("target", "relevance-generated-report.md"), text);
		assertThat(scores).hasSizeGreaterThanOrEqualTo(60);
		assertThat(mean(scores, Scored::ndcg)).as("overall nDCG@10; see target/relevance-generated-report.md")
			.isGreaterThanOrEqualTo(NDCG_BAR);
		assertThat(mean(scores, Scored::recall)).as("overall recall@10; see target/relevance-generated-report.md")
			.isGreaterThanOrEqualTo(RECALL_BAR);
	}

	/** Every findable generated service by Signpost's id for it. */
	private Map<String, Generated> generated(Path feed) throws IOException {
		ObjectMapper json = JsonMapper.builder().build();
		Map<String, Generated> bySearchId = new HashMap<>();
		List<Path> pages;
		try (Stream<Path> files = Files.list(feed)) {
			pages = files.filter(f -> f.getFileName().toString().startsWith("services-")).sorted().toList();
		}
		for (Path page : pages) {
			for (JsonNode service : json.readTree(Files.readString(page)).path("contents")) {
				String status = service.path("status").asString();
				if (!status.equals("active") && !status.equals("temporarily closed")) {
					continue;
				}
				String need = null;
				for (JsonNode attribute : service.path("attributes")) {
					JsonNode term = attribute.path("taxonomy_term");
					if (term.path("taxonomy").asString().equals("Signpost needs")) {
						need = term.path("name").asString();
					}
				}
				List<double[]> venues = new ArrayList<>();
				for (JsonNode at : service.path("service_at_locations")) {
					JsonNode location = at.path("location");
					venues.add(new double[] { location.path("latitude").asDouble(),
							location.path("longitude").asDouble() });
				}
				String id = service.path("id").asString();
				bySearchId.put(RecordId.of(PUBLISHER, "service", id),
						new Generated(id, service.path("name").asString(), need, venues));
			}
		}
		return bySearchId;
	}

	/** The relevant services and their grades, as the file's header says. */
	static Map<Generated, Integer> grades(Judged judged, ServiceQuery.Near near, Iterable<Generated> services) {
		Map<Generated, Integer> grades = new HashMap<>();
		for (Generated service : services) {
			Integer grade = judged.needs().get(service.need());
			if (grade != null && (near == null || local(service, near))) {
				grades.put(service, grade);
			}
		}
		return grades;
	}

	private static boolean local(Generated service, ServiceQuery.Near near) {
		return service.venues()
			.stream()
			.anyMatch(v -> miles(near.latitude(), near.longitude(), v[0], v[1]) <= ServiceQuery.DEFAULT_RADIUS);
	}

	static double miles(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.pow(Math.sin(dLat / 2), 2)
				+ Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
		return 2 * EARTH_MILES * Math.asin(Math.sqrt(a));
	}

	static Scored score(Judged judged, Map<Generated, Integer> grades, List<Generated> found, String searched) {
		List<Generated> top = found.subList(0, Math.min(10, found.size()));
		long hits = top.stream().filter(grades::containsKey).count();
		double recall = (double) hits / Math.min(10, grades.size());
		double dcg = 0;
		for (int i = 0; i < top.size(); i++) {
			dcg += gain(grades.getOrDefault(top.get(i), 0)) / log2(i + 2);
		}
		List<Integer> ideal = grades.values().stream().sorted(Comparator.reverseOrder()).toList();
		double idcg = 0;
		for (int i = 0; i < Math.min(10, ideal.size()); i++) {
			idcg += gain(ideal.get(i)) / log2(i + 2);
		}
		return new Scored(judged, grades, found, searched, recall, dcg / idcg);
	}

	private static double gain(int grade) {
		return Math.pow(2, grade) - 1;
	}

	private static double log2(int n) {
		return Math.log(n) / Math.log(2);
	}

	private static double mean(List<Scored> scores, java.util.function.ToDoubleFunction<Scored> figure) {
		return scores.stream().mapToDouble(figure).average().orElse(0);
	}

	private static String report(List<Scored> scores) {
		StringBuilder out = new StringBuilder("# Relevance: judged queries against a generated directory\n\n");
		out.append(String.format(
				"%d services in the providers' words (seed %d). Overall over %d queries: recall@10 %.3f, nDCG@10 %.3f (bars: recall@10 %.2f, nDCG@10 %.2f)%n%n",
				SERVICES, SEED, scores.size(), mean(scores, Scored::recall), mean(scores, Scored::ndcg), RECALL_BAR,
				NDCG_BAR));
		Map<String, List<Scored>> byKind = new LinkedHashMap<>();
		scores.forEach(s -> byKind.computeIfAbsent(s.judged().kind(), k -> new ArrayList<>()).add(s));
		out.append("| class | queries | recall@10 | nDCG@10 |\n|---|---|---|---|\n");
		byKind.forEach((kind, list) -> out.append(String.format("| %s | %d | %.3f | %.3f |%n", kind, list.size(),
				mean(list, Scored::recall), mean(list, Scored::ndcg))));
		out.append("\n## Worst 15 by nDCG@10\n\n");
		table(out, scores.stream().sorted(Comparator.comparingDouble(Scored::ndcg)).limit(15).toList());
		out.append("\n## Every query\n\n");
		table(out, scores);
		return out.toString();
	}

	private static void table(StringBuilder out, List<Scored> scores) {
		out.append(
				"| class | query | place | searched for | relevant | recall@10 | nDCG@10 | top 3 found [need] grade |\n");
		out.append("|---|---|---|---|---|---|---|---|\n");
		for (Scored s : scores) {
			List<String> top = s.found()
				.stream()
				.limit(3)
				.map(g -> g == null ? "(not generated)"
						: g.name() + " [" + g.need() + "] " + s.grades().getOrDefault(g, 0))
				.toList();
			out.append(String.format("| %s | %s | %s | %s | %d | %.2f | %.2f | %s |%n", s.judged().kind(),
					s.judged().query(), s.judged().place(), s.searched() == null ? "" : s.searched(), s.grades().size(),
					s.recall(), s.ndcg(), String.join("; ", top)));
		}
	}

	private static List<Judged> judgedQueries() throws IOException {
		List<Judged> judged = new ArrayList<>();
		String kind = "";
		try (InputStream in = GeneratedRelevanceTest.class.getClassLoader()
			.getResourceAsStream("relevance-generated/queries.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
				if (line.startsWith("## ")) {
					kind = line.substring(3).strip();
				}
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] f = line.split("\t", -1);
				assertThat(f).as(line).hasSize(3);
				Map<String, Integer> needs = new LinkedHashMap<>();
				Matcher grade = GRADE.matcher(f[2]);
				int end = 0;
				while (grade.find() && grade.start() == end) {
					needs.put(grade.group(1).strip(), Integer.parseInt(grade.group(2)));
					end = grade.end();
				}
				assertThat(f[2].substring(end)).as("grades of " + line).isBlank();
				judged.add(new Judged(kind, f[0], f[1], needs));
			}
		}
		return judged;
	}

}
