package uk.signpost.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;

/**
 * A benchmark's working folder: the demo directory at some size as feed files, and a data
 * folder it is imported into. A folder from an earlier run can be reused, to measure
 * again without generating and importing.
 */
public record BenchmarkFolder(Path work, boolean fresh) {

	/** reuse: an earlier run's folder, or null to generate services afresh. */
	public static BenchmarkFolder prepare(int services, Path reuse, PrintStream out) throws IOException {
		BenchmarkFolder folder;
		if (reuse == null) {
			Path work = Files.createTempDirectory("signpost-bench-");
			DemoDirectory.write(work.resolve("feed"), services, DemoDirectory.DEFAULT_SEED, LocalDate.now());
			folder = new BenchmarkFolder(work, true);
		}
		else {
			folder = new BenchmarkFolder(reuse, false);
		}
		out.println("Working folder (pass --reuse " + folder.work + " to measure it again): " + folder.work);
		return folder;
	}

	/** The setting that points Signpost at this folder's data. */
	public String dataDirSetting() {
		return "--signpost.data-dir=" + this.work.resolve("data");
	}

	public Path data() {
		return this.work.resolve("data");
	}

	/**
	 * Imports the feed when the folder is new; false (having said why) when that fails.
	 */
	public boolean load(ConfigurableApplicationContext context, PrintStream out) {
		if (!this.fresh) {
			return true;
		}
		ImportReport report = context.getBean(Importer.class)
			.importFeed(new FeedSource.Files(this.work.resolve("feed")), DemoDirectory.PUBLISHER,
					DemoDirectory.PUBLISHER_NAME);
		if (!report.succeeded()) {
			out.println(report.summary());
		}
		return report.succeeded();
	}

}
