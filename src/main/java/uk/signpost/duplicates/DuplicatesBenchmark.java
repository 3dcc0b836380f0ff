package uk.signpost.duplicates;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.demo.BenchmarkFolder;

/**
 * bench-duplicates: the three publishers' demo directory of a given size, imported, then
 * duplicate detection timed and its candidates scored against the generator's truth.
 */
public final class DuplicatesBenchmark {

	private DuplicatesBenchmark() {
	}

	public static int run(int services, Path reuse, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> start, PrintStream out) throws IOException {
		BenchmarkFolder folder = BenchmarkFolder.publishers(services, reuse, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		// Detection is run and timed here, not after each publisher's import as well.
		spring.add("--signpost.duplicates.after-import=false");
		try (ConfigurableApplicationContext context = start.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			DuplicatePairs pairs = context.getBean(DuplicatePairs.class);
			pairs.detect();
			// Measured the second time: the first warms the JIT and the database's
			// caches.
			DuplicatePairs.Run run = pairs.detect();
			Accuracy accuracy = Accuracy.measure(context.getBean(JdbcTemplate.class), folder.truth(), pairs.all());
			out.printf("%d findable services, %,d pairs compared (of %,d possible), %d candidates at %.2f%n",
					run.services(), run.compared(), (long) run.services() * (run.services() - 1) / 2, run.candidates(),
					Scoring.THRESHOLD);
			out.printf("Precision %.3f (%d of %d candidates are one service), recall %.3f (%d of %d pairs found)%n",
					accuracy.precision(), accuracy.correct(), accuracy.found(), accuracy.recall(), accuracy.correct(),
					accuracy.toFind());
			out.printf("Detection took %.2f s (reading the services, blocking, scoring, storing)%n",
					run.took().toMillis() / 1e3);
			return 0;
		}
	}

}
