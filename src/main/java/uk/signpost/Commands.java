package uk.signpost;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.analytics.AnalyticsBenchmark;
import uk.signpost.api.ApiBenchmark;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.demo.DemoPublishers;
import uk.signpost.duplicates.DuplicatesBenchmark;
import uk.signpost.geo.GazetteerFiles;
import uk.signpost.geo.GeoTables;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.ingest.Problem;
import uk.signpost.quality.QualityBenchmark;
import uk.signpost.search.SearchBenchmark;
import uk.signpost.search.SearchIndex;
import uk.signpost.web.WebBenchmark;

/**
 * The command line: {@code java -jar target/signpost.jar <command> ...}. Exit status 0
 * means done, 1 means the command failed (nothing was changed), 2 means the command line
 * was wrong.
 */
public final class Commands {

	static final Set<String> NAMES = Set.of("import", "generate", "bench-import", "reindex", "import-postcodes",
			"import-places", "geo-tables", "bench-search", "bench-api", "bench-web", "bench-duplicates",
			"bench-analytics", "bench-quality", "users", "help");

	private static final String USAGE = """
			Usage:
			  java -jar target/signpost.jar import <file|folder|url> --publisher <id> [--name "Publisher name"]
			                                       [--modified-after 2026-11-01 or 2026-11-01T09:00:00Z] [--allow-withdraw]
			  java -jar target/signpost.jar generate --out <folder> [--services 2400] [--seed N] [--publishers 1|3]
			  java -jar target/signpost.jar bench-import [--services 100000]
			  java -jar target/signpost.jar reindex
			  java -jar target/signpost.jar import-postcodes <ONSPD, NSPL or Code-Point Open .csv file or folder>
			  java -jar target/signpost.jar import-places <OS Open Names .csv file or folder>
			  java -jar target/signpost.jar geo-tables <folder like ../shared/geo> [--out src/main/resources/geo]
			  java -jar target/signpost.jar bench-search [--services 100000] [--queries 2000] [--reuse <folder> [--rebuild no]]
			  java -jar target/signpost.jar bench-api [--services 100000] [--requests 500] [--reuse <folder>]
			  java -jar target/signpost.jar bench-web [--services 100000] [--seconds 10] [--connections 16] [--reuse <folder>]
			                                          [--only search|api]
			  java -jar target/signpost.jar bench-web --target http://127.0.0.1:8080 [--seconds 10] [--connections 16]
			                                          [--only search|api]
			  java -jar target/signpost.jar bench-duplicates [--services 100000] [--reuse <folder>]
			  java -jar target/signpost.jar bench-analytics [--services 2400] [--requests 1000] [--rounds 2] [--reuse <folder>]
			  java -jar target/signpost.jar bench-quality [--services 100000] [--reuse <folder>]
			  java -jar target/signpost.jar users add --email <address> --role admin|curator|publisher [--password-stdin]
			                                    [--name "Sam Patel"] [--organisation "Lancashire County Council"]
			                                    [--publisher <id>[,<id>...]]
			  java -jar target/signpost.jar users list
			  java -jar target/signpost.jar users disable|enable --email <address>
			Spring settings may follow, such as --signpost.data-dir=/var/lib/signpost.""";

	private Commands() {
	}

	/**
	 * A first argument that is not a Spring setting (--name=value) is a command: a word
	 * Signpost does not know, or --help, gets the usage instead of starting the site.
	 */
	/** A usage error is one line: what was wrong, and where the usage is. */
	private static String usageError(String message) {
		return message + " (java -jar target/signpost.jar help shows how to use each command)";
	}

	static boolean isCommand(String arg) {
		return NAMES.contains(arg) || !arg.startsWith("--") || arg.equals("--help");
	}

	static int run(String[] args) {
		return run(args, System.out, System.err);
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		return run(args, System.in, out, err);
	}

	static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
		Arguments arguments;
		try {
			arguments = Arguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println(usageError(ex.getMessage()));
			return 2;
		}
		try {
			return switch (args[0]) {
				case "import" -> importFeed(arguments, out, err);
				case "generate" -> generate(arguments, out);
				case "bench-import" -> benchImport(arguments, out);
				case "reindex" -> reindex(arguments, out);
				case "import-postcodes", "import-places" -> importGazetteer(args[0], arguments, out, err);
				case "geo-tables" -> geoTables(arguments, out);
				case "bench-search" ->
					SearchBenchmark.run(arguments.integer("services", 100_000), arguments.integer("queries", 2000),
							arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
							!"no".equals(arguments.options.get("rebuild")), arguments.spring, Commands::start, out);
				case "bench-api" ->
					ApiBenchmark.run(arguments.integer("services", 100_000), arguments.integer("requests", 500),
							arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
							arguments.spring, Commands::startSite, out);
				case "bench-web" -> arguments.options.containsKey("target")
						? WebBenchmark.target(arguments.options.get("target"), arguments.integer("seconds", 10),
								arguments.integer("connections", 16), arguments.options.get("only"), out)
						: WebBenchmark.run(arguments.integer("services", 100_000), arguments.integer("seconds", 10),
								arguments.integer("connections", 16), arguments.options.get("only"),
								arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
								arguments.spring, Commands::startSite, out);
				case "bench-duplicates" -> DuplicatesBenchmark.run(arguments.integer("services", 100_000),
						arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
						arguments.spring, Commands::start, out);
				case "bench-quality" -> QualityBenchmark.run(arguments.integer("services", 100_000),
						arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
						arguments.spring, Commands::start, out);
				case "bench-analytics" -> AnalyticsBenchmark.run(arguments.integer("services", 2400),
						arguments.integer("requests", 1000), arguments.integer("rounds", 2),
						arguments.options.containsKey("reuse") ? Path.of(arguments.options.get("reuse")) : null,
						arguments.spring, Commands::startSite, out);
				case "users" -> UsersCommand.run(arguments.positional, arguments.options, arguments.flags,
						arguments.spring, in, out, err);
				case "help", "--help", "-h" -> {
					out.println(USAGE);
					yield 0;
				}
				default -> {
					err.println(usageError("There is no command '" + args[0] + "'."));
					yield 2;
				}
			};
		}
		catch (IllegalArgumentException ex) {
			err.println(usageError(ex.getMessage()));
			return 2;
		}
		catch (DataFolderLock.Busy ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			err.println(ex.getMessage());
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static int importFeed(Arguments arguments, PrintStream out, PrintStream err) {
		if (arguments.positional.size() != 1 || !arguments.options.containsKey("publisher")) {
			throw new IllegalArgumentException("import needs one file, folder or URL and --publisher <id>");
		}
		// Checked before anything starts, so a wrong name creates no data folder.
		Importer.checkPublisherId(arguments.options.get("publisher"));
		FeedSource source = FeedSource.parse(arguments.positional.get(0));
		if (arguments.options.containsKey("modified-after")) {
			if (!(source instanceof FeedSource.Api api)) {
				throw new IllegalArgumentException("--modified-after only goes with an API URL");
			}
			source = new FeedSource.Api(api.baseUrl(),
					FeedSource.modifiedAfter(arguments.options.get("modified-after")));
		}
		try (ConfigurableApplicationContext context = start(arguments.spring)) {
			ImportReport report;
			try {
				report = context.getBean(Importer.class)
					.importFeed(source, arguments.options.get("publisher"), arguments.options.get("name"),
							arguments.flags.contains("allow-withdraw"));
			}
			catch (Importer.AlreadyImporting ex) {
				err.println(ex.getMessage());
				return 1;
			}
			(report.succeeded() ? out : err).println(report.summary());
			List<Problem> problems = report.problems();
			problems.stream().limit(50).forEach(p -> out.println("  " + p));
			if (problems.size() > 50) {
				out.println(
						"  ... and " + (problems.size() - 50) + " more; all are stored with import run " + report.id());
			}
			return report.succeeded() ? 0 : 1;
		}
	}

	private static int reindex(Arguments arguments, PrintStream out) {
		try (ConfigurableApplicationContext context = start(arguments.spring)) {
			SearchIndex.Rebuild rebuild = context.getBean(SearchIndex.class).rebuild();
			out.printf("Search index rebuilt: %d services in %.1f s%n", rebuild.services(),
					rebuild.took().toMillis() / 1e3);
			return 0;
		}
	}

	private static int importGazetteer(String command, Arguments arguments, PrintStream out, PrintStream err) {
		if (arguments.positional.size() != 1) {
			throw new IllegalArgumentException(command + " needs one .csv file or a folder of them");
		}
		Path path = Path.of(arguments.positional.get(0));
		try (ConfigurableApplicationContext context = start(arguments.spring)) {
			GazetteerFiles files = context.getBean(GazetteerFiles.class);
			GazetteerFiles.Report report = command.equals("import-postcodes") ? files.importPostcodes(path)
					: files.importPlaces(path);
			out.printf("Read %d rows from %d files; kept %d %s%n", report.rowsRead(), report.files(), report.rowsKept(),
					report.bySource());
			out.println("Pages that use these must show the attribution their licence asks for (docs/search.md).");
			return 0;
		}
		catch (GazetteerFiles.BadFile ex) {
			err.println(ex.getMessage());
			err.println("Nothing was imported.");
			return 1;
		}
	}

	/**
	 * Writes the shipped postcode and place tables from the official files; no Spring.
	 */
	private static int geoTables(Arguments arguments, PrintStream out) throws IOException {
		if (arguments.positional.size() != 1) {
			throw new IllegalArgumentException("geo-tables needs the folder of official files, such as ../shared/geo");
		}
		Path folder = Path.of(arguments.options.getOrDefault("out", "src/main/resources/geo"));
		GeoTables.Summary summary = GeoTables.write(Path.of(arguments.positional.get(0)), folder);
		out.printf(
				"Wrote %d postcodes, %d outward codes and %d places into %s (%d rows without a point or not "
						+ "open data left out)%n",
				summary.postcodes(), summary.outwardCodes(), summary.places(), folder, summary.skipped());
		summary.bytes().forEach((name, bytes) -> out.printf("  %-16s %,d bytes%n", name, bytes));
		return 0;
	}

	private static int generate(Arguments arguments, PrintStream out) throws IOException {
		Path folder = Path.of(arguments.require("out"));
		int services = arguments.integer("services", 2400);
		long seed = Long.parseLong(arguments.options.getOrDefault("seed", String.valueOf(DemoDirectory.DEFAULT_SEED)));
		int publishers = arguments.integer("publishers", 1);
		if (publishers == 3) {
			var summary = DemoPublishers.write(folder, services, seed, LocalDate.now());
			out.printf(
					"Wrote %d records of %d services (%d listed by two or three publishers) into %s: %s; "
							+ "which are one service is in %s%n",
					summary.total(), summary.services(), summary.listedTwiceOrMore(), folder, summary.records(),
					summary.truth());
			return 0;
		}
		if (publishers != 1) {
			throw new IllegalArgumentException("--publishers takes 1 or 3");
		}
		var summary = DemoDirectory.write(folder, services, seed, LocalDate.now());
		out.printf("Wrote %d services from %d organisations at %d locations into %s (%d files)%n", summary.services(),
				summary.organisations(), summary.locations(), folder, summary.files().size());
		return 0;
	}

	/**
	 * Generates the demo directory as files, imports it into a fresh data folder and
	 * prints figures.
	 */
	private static int benchImport(Arguments arguments, PrintStream out) throws IOException {
		int services = arguments.integer("services", 100_000);
		Path work = Files.createTempDirectory("signpost-bench-");
		Path files = work.resolve("feed");
		long generateStart = System.nanoTime();
		var summary = DemoDirectory.write(files, services, DemoDirectory.DEFAULT_SEED, LocalDate.now());
		double generateSeconds = (System.nanoTime() - generateStart) / 1e9;
		long bytes = 0;
		for (Path file : summary.files()) {
			bytes += Files.size(file);
		}
		List<String> spring = new ArrayList<>(arguments.spring);
		spring.add("--signpost.data-dir=" + work.resolve("data"));
		try (ConfigurableApplicationContext context = start(spring)) {
			Importer importer = context.getBean(Importer.class);
			System.gc();
			HeapSampler heap = HeapSampler.start();
			long firstStart = System.nanoTime();
			ImportReport first = importer.importFeed(new FeedSource.Files(files), "bench", "Benchmark");
			double firstSeconds = (System.nanoTime() - firstStart) / 1e9;
			long peak = heap.finish();
			ImportReport again = importer.importFeed(new FeedSource.Files(files), "bench", "Benchmark");
			Runtime runtime = Runtime.getRuntime();
			out.printf("Generated %d services (%d organisations, %d locations, %.1f MB of JSON) in %.1f s%n", services,
					summary.organisations(), summary.locations(), bytes / 1e6, generateSeconds);
			out.printf(
					"First import:  %s, %.1f s, %.0f services/s (then %.1f s bringing the search index up to date)%n",
					first.outcome(), first.duration().toMillis() / 1e3, services / (first.duration().toMillis() / 1e3),
					firstSeconds - first.duration().toMillis() / 1e3);
			out.printf("Re-import (all unchanged): %.1f s, %.0f services/s, %d unchanged%n",
					again.duration().toMillis() / 1e3, services / (again.duration().toMillis() / 1e3),
					again.servicesUnchanged());
			out.printf("Heap in use during first import, sampled every 50 ms: peak %.0f MB (max heap %.0f MB)%n",
					peak / 1e6, runtime.maxMemory() / 1e6);
			return first.succeeded() && again.succeeded() ? 0 : 1;
		}
	}

	/** Samples heap in use on a daemon thread: what a streaming import must keep flat. */
	private static final class HeapSampler implements Runnable {

		private final Thread thread = new Thread(this, "heap-sampler");

		private volatile boolean running = true;

		private volatile long peak;

		static HeapSampler start() {
			HeapSampler sampler = new HeapSampler();
			sampler.thread.setDaemon(true);
			sampler.thread.start();
			return sampler;
		}

		@Override
		public void run() {
			while (this.running) {
				this.peak = Math.max(this.peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

		long finish() {
			this.running = false;
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.peak;
		}

	}

	public static ConfigurableApplicationContext start(List<String> springArgs) {
		// A command indexes what it changed before it ends; polling the backlog would
		// only
		// read the tables while the import writes them.
		return startWith(WebApplicationType.NONE, Map.of("signpost.search-backlog-poll", "1h"), springArgs);
	}

	/**
	 * The site itself, for benchmarks that time it over HTTP: on free ports, the site's
	 * and the management one, unless the arguments name them (as command-line arguments,
	 * since application.yml's management port would outrank default properties).
	 */
	public static ConfigurableApplicationContext startSite(List<String> springArgs) {
		List<String> args = new ArrayList<>(springArgs);
		for (String port : List.of("server.port", "management.server.port")) {
			if (args.stream().noneMatch(arg -> arg.startsWith("--" + port + "="))) {
				args.add("--" + port + "=0");
			}
		}
		return startWith(WebApplicationType.SERVLET, Map.of(), args);
	}

	private static ConfigurableApplicationContext startWith(WebApplicationType type, Map<String, Object> settings,
			List<String> springArgs) {
		SpringApplication application = new SpringApplication(SignpostApplication.class);
		application.setWebApplicationType(type);
		DataFolderLock.install(application);
		Map<String, Object> defaults = new HashMap<>(
				Map.of("signpost.demo-data", "false", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		defaults.putAll(settings);
		application.setDefaultProperties(defaults);
		return application.run(springArgs.toArray(String[]::new));
	}

	/**
	 * Positional arguments, "--name value" options, and "--spring.like=value" settings
	 * passed to Spring.
	 */
	private record Arguments(List<String> positional, Map<String, String> options, Set<String> flags,
			List<String> spring) {

		/** Options that take no value. */
		static final Set<String> FLAGS = Set.of("allow-withdraw", "password-stdin");

		static Arguments parse(String[] args) {
			List<String> positional = new ArrayList<>();
			Map<String, String> options = new HashMap<>();
			Set<String> flags = new HashSet<>();
			List<String> spring = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				String arg = args[i];
				if (arg.startsWith("--") && arg.contains("=")) {
					spring.add(arg);
				}
				else if (arg.startsWith("--") && FLAGS.contains(arg.substring(2))) {
					flags.add(arg.substring(2));
				}
				else if (arg.startsWith("--")) {
					if (i + 1 >= args.length) {
						throw new IllegalArgumentException(arg + " needs a value");
					}
					options.put(arg.substring(2), args[++i]);
				}
				else {
					positional.add(arg);
				}
			}
			return new Arguments(positional, options, flags, spring);
		}

		String require(String option) {
			String value = this.options.get(option);
			if (value == null) {
				throw new IllegalArgumentException("--" + option + " is needed");
			}
			return value;
		}

		int integer(String option, int fallback) {
			String value = this.options.get(option);
			try {
				return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("--" + option + " takes a whole number, not '" + value + "'");
			}
		}

	}

}
