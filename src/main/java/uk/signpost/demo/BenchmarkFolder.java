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

	/**
	 * The same with the three publishers' overlapping feeds ({@link DemoPublishers}) and
	 * their truth file.
	 */
	public static BenchmarkFolder publishers(int services, Path reuse, PrintStream out) throws IOException {
		if (reuse != null) {
			return prepare(services, reuse, out);
		}
		Path work = Files.createTempDirectory("signpost-bench-");
		DemoPublishers.write(work.resolve("feed"), services, DemoDirectory.DEFAULT_SEED, LocalDate.now());
		out.println("Working folder (pass --reuse " + work + " to measure it again): " + work);
		return new BenchmarkFolder(work, true);
	}

	/** The truth file of a folder from {@link #publishers}. */
	public Path truth() {
		return this.work.resolve("feed").resolve(DemoPublishers.TRUTH);
	}

	/** The setting that points Signpost at this folder's data. */
	public String dataDirSetting() {
		return "--signpost.data-dir=" + this.work.resolve("data");
	}

	private static ImportReport failed(ImportReport report) {
		return report.succeeded() ? null : report;
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
		Importer importer = context.getBean(Importer.class);
		ImportReport failed = Files.exists(truth()) ? DemoPublishers.load(importer, this.work.resolve("feed"))
				: failed(importer.importFeed(new FeedSource.Files(this.work.resolve("feed")), DemoDirectory.PUBLISHER,
						DemoDirectory.PUBLISHER_NAME));
		if (failed != null) {
			out.println(failed.summary());
		}
		return failed == null;
	}

}
