package uk.signpost.quality;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.demo.BenchmarkFolder;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.ImportRunRepository;

/**
 * bench-quality: the demo directory of a given size, imported, then its data quality
 * report timed: the seconds it adds after an import, beside the import's own.
 */
public final class QualityBenchmark {

	private QualityBenchmark() {
	}

	public static int run(int services, Path reuse, List<String> springArgs,
			Function<List<String>, ConfigurableApplicationContext> start, PrintStream out) throws IOException {
		BenchmarkFolder folder = BenchmarkFolder.prepare(services, reuse, out);
		List<String> spring = new ArrayList<>(springArgs);
		spring.add(folder.dataDirSetting());
		// The report is made and timed here; duplicates would share the two cores.
		spring.add("--signpost.quality.after-import=false");
		spring.add("--signpost.duplicates.after-import=false");
		try (ConfigurableApplicationContext context = start.apply(spring)) {
			if (!folder.load(context, out)) {
				return 1;
			}
			ImportReport run = context.getBean(ImportRunRepository.class)
				.findLatest(DemoDirectory.PUBLISHER)
				.orElseThrow();
			QualityReports reports = context.getBean(QualityReports.class);
			reports.make(DemoDirectory.PUBLISHER, run);
			// Measured the second time: the first warms the JIT and the database's
			// caches.
			long began = System.nanoTime();
			QualityReports.Report report = reports.make(DemoDirectory.PUBLISHER, run);
			double seconds = (System.nanoTime() - began) / 1e9;
			out.printf("%d services checked, score %d%%, %d checks applied%n", report.services(), report.score(),
					report.counts().size());
			for (var count : report.counts().entrySet()) {
				out.printf("  %-12s %3d%% (%d of %d failing)%n", count.getKey().key(), count.getValue().percent(),
						count.getValue().failing(), count.getValue().applicable());
			}
			out.printf("Quality report took %.2f s (reading the services, checking, storing)%n", seconds);
			if (folder.fresh()) {
				out.printf("The import it follows took %.1f s, so the report adds %.0f%% to it%n",
						run.duration().toMillis() / 1e3, 100 * seconds / (run.duration().toMillis() / 1e3));
			}
			return 0;
		}
	}

}
