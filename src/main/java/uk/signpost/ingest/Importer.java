package uk.signpost.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import uk.signpost.settings.SignpostProperties;
import uk.signpost.directory.DirectoryChanged;
import uk.signpost.directory.RecordId;

/**
 * Imports one publisher's ORUK feed. Everything is downloaded and read through as JSON
 * before anything is written, so a feed that cannot be read (malformed JSON, a cut-off
 * download, an HTTP error) leaves the database exactly as it was. Records are then
 * written in transactions of {@value #BATCH}, and withdrawal comes last (ADR 0003).
 * Invalid records are skipped and reported; valid ones land. Every run, failed or not, is
 * stored as an {@link ImportReport}.
 */
@Component
public class Importer {

	private static final Logger log = LoggerFactory.getLogger(Importer.class);

	private static final int BATCH = 250;

	private final DirectoryWriter writer;

	private final ImportRunRepository runs;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final SignpostProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * One import at a time on this node: the writer's unchanged-record checks assume no
	 * one else is writing the publisher's records (which FeedLocks ensures across nodes),
	 * and two imports at once would only share the node's two cores.
	 */
	private final ReentrantLock lock = new ReentrantLock();

	private final FeedLocks feeds;

	private final MeterRegistry meters;

	Importer(DirectoryWriter writer, ImportRunRepository runs, JdbcTemplate jdbc, TransactionTemplate transaction,
			ObjectMapper json, SignpostProperties properties, ApplicationEventPublisher events,
			ObjectProvider<MeterRegistry> meters, FeedLocks feeds) {
		this.feeds = feeds;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.writer = writer;
		this.runs = runs;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.properties = properties;
		this.events = events;
		// Databases keep microseconds; so does the clock, so what is stored reads back
		// equal.
		this.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

	public ImportReport importFeed(FeedSource source, String publisherId, String publisherName) {
		return importFeed(source, publisherId, publisherName, false);
	}

	/**
	 * allowWithdraw: withdraw every service a full feed no longer lists, however many;
	 * without it, a run that would withdraw more than signpost.limits.withdraw-share of a
	 * publisher's services, or whose valid services are fewer than half of those read,
	 * withdraws none and says why.
	 * @throws AlreadyImporting when the publisher's feed is being imported already, here
	 * or on another node: this import is refused at once, never queued behind that one
	 */
	public ImportReport importFeed(FeedSource source, String publisherId, String publisherName, boolean allowWithdraw) {
		SimpleLock feed = this.feeds.lock(checkPublisherId(publisherId));
		this.lock.lock();
		try {
			long start = System.nanoTime();
			ImportReport report = run(source, publisherId, publisherName, allowWithdraw);
			// For operators: how long each publisher's imports take and how they end.
			Timer.builder("signpost.import")
				.description("A feed import, from reading the feed to the index catching up")
				.tag("publisher", report.publisherId())
				.tag("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT))
				.register(this.meters)
				.record(Duration.ofNanos(System.nanoTime() - start));
			return report;
		}
		finally {
			this.lock.unlock();
			feed.unlock();
		}
	}

	/**
	 * An import refused because the same publisher's feed is being imported already
	 * (FeedLocks): nothing was read or written, and no import run is stored.
	 */
	public static final class AlreadyImporting extends RuntimeException {

		AlreadyImporting(String publisherId, String holder) {
			super("An import of " + publisherId + " is already running (" + holder
					+ "), so this one was not started: try again when that one has finished.");
		}

	}

	private ImportReport run(FeedSource source, String publisherId, String publisherName, boolean allowWithdraw) {
		ImportRun run = new ImportRun(publisherId, this.clock.instant());
		Path spool = null;
		String failure = null;
		try {
			List<Path> files;
			boolean whole = source.isFull();
			if (source instanceof FeedSource.Api api) {
				spool = Files.createDirectories(spoolFolder());
				spool = Files.createTempDirectory(spool, publisherId + "-");
				OrukApiClient.Download download = new OrukApiClient(this.json, this.properties.getHttpTimeout(),
						this.properties.getLimits())
					.download(api.baseUrl(), api.modifiedAfter(), spool);
				files = download.files();
				run.problems.addAll(download.problems());
				whole = whole && download.complete();
			}
			else {
				files = listFiles(((FeedSource.Files) source).path(), run);
			}
			FeedReader feed = new FeedReader(this.json);
			files.forEach(feed::check);
			write(files, run, source, publisherName, whole, allowWithdraw);
		}
		catch (FeedException ex) {
			failure = ex.getMessage();
		}
		catch (IOException | RuntimeException ex) {
			// The summary says what failed; the trace is for developers.
			log.debug("Import of {} failed", source.describe(), ex);
			failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		finally {
			deleteQuietly(spool);
		}
		ImportReport report = this.runs.save(report(run, source, failure));
		if (report.succeeded()) {
			log.info(report.summary());
		}
		else {
			log.warn(report.summary());
		}
		// A failed run may still have committed some batches (ADR 0003).
		this.events.publishEvent(new DirectoryChanged(publisherId));
		return report;
	}

	private void write(List<Path> files, ImportRun run, FeedSource source, String publisherName, boolean whole,
			boolean allowWithdraw) {
		ensurePublisher(run.publisherId, publisherName, source);
		RecordReader reader = new RecordReader(run.publisherId, run.startedAt);
		FeedReader feed = new FeedReader(this.json);
		// One batch is written on a thread of its own while the next is read: the
		// database (another process, or H2's own threads) and the reading then share
		// the two cores instead of taking turns. Only that thread touches the run.
		ExecutorService writing = Executors.newSingleThreadExecutor(task -> new Thread(task, "import-writer"));
		Writes writes = new Writes(writing, run);
		try {
			List<ImportItem> batch = new ArrayList<>(BATCH);
			Repeats repeats = new Repeats();
			for (Path file : files) {
				feed.read(file, (node, path) -> {
					ImportItem item = reader.read(node, path);
					item.path = path;
					repeats.mark(item);
					batch.add(item);
					if (batch.size() == BATCH) {
						writes.submit(new ArrayList<>(batch));
						batch.clear();
					}
				});
			}
			writes.submit(batch);
			writes.awaitLast();
		}
		finally {
			// Nothing may still write to the run once this returns, whatever went wrong.
			writes.awaitQuietly();
			writing.shutdown();
		}
		this.transaction.executeWithoutResult(status -> {
			if (whole) {
				withdrawMissing(run, allowWithdraw);
			}
			this.jdbc.update("UPDATE publisher SET last_imported_at = ? WHERE id = ?",
					DirectoryWriter.utc(run.startedAt), run.publisherId);
		});
	}

	/** Batches written one after another, each in its own transaction, one at a time. */
	private final class Writes {

		private final ExecutorService thread;

		private final ImportRun run;

		private Future<?> last = CompletableFuture.completedFuture(null);

		Writes(ExecutorService thread, ImportRun run) {
			this.thread = thread;
			this.run = run;
		}

		/**
		 * Waits for the batch before (so at most two are in memory), then hands this one
		 * over.
		 */
		void submit(List<ImportItem> batch) {
			awaitLast();
			this.last = this.thread.submit(() -> writeBatch(batch, this.run));
		}

		void awaitLast() {
			try {
				this.last.get();
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Import interrupted", ex);
			}
		}

		void awaitQuietly() {
			try {
				awaitLast();
			}
			catch (RuntimeException ex) {
				// Already thrown by awaitLast, or the import failed before it.
			}
		}

	}

	/**
	 * Services whose id an earlier record in the same feed had: each later copy is
	 * applied over the first (what it gives replaces, the lists it leaves out are kept:
	 * ADR 0011) and counted as repeated, so the summary still adds up. Used by the
	 * reading thread only.
	 */
	private static final class Repeats {

		private final Map<String, String> firstAt = new HashMap<>();

		void mark(ImportItem item) {
			for (Aggregate service : item.services) {
				Object sourceId = service.root().get("source_id");
				String first = this.firstAt.putIfAbsent(String.valueOf(sourceId), item.path);
				if (first != null) {
					item.repeated.add(service.id());
					item.repeatedServices++;
					item.problems.add(Problem.warning(String.valueOf(sourceId), item.path, ImportReport.REPEATED_ID
							+ first + ", which stands; this copy only fills in the lists that one left out"));
				}
			}
		}

	}

	private void writeBatch(List<ImportItem> batch, ImportRun run) {
		for (ImportItem item : batch) {
			run.recordsRead++;
			run.problems.addAll(item.problems);
			run.servicesRead += item.services.size() + item.skippedServices.size();
			run.servicesSkipped += item.skippedServices.size();
			run.servicesRepeated += item.repeatedServices;
			// A service that is in the feed but invalid this time keeps its last good
			// version.
			item.skippedServices.forEach(id -> run.services.add(RecordId.of(run.publisherId, "service", id)));
		}
		try {
			run.add(this.transaction.execute(status -> this.writer.write(batch, run)));
			log.debug("Committed a batch: {} services read so far", run.servicesRead);
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				refuse(batch.get(0), ex, run);
				return;
			}
			// Validation should have caught any value the database refuses; if one got
			// through, find its record and write the rest one by one.
			log.warn("A batch of {} records was refused ({}); writing them one at a time", batch.size(),
					ex.getMessage());
			List<ImportItem> refused = new ArrayList<>();
			for (ImportItem item : batch) {
				try {
					run.add(this.transaction.execute(status -> this.writer.write(List.of(item), run)));
				}
				catch (RuntimeException one) {
					refused.add(item);
					if (refused.size() == batch.size()) {
						// Every record refused: the database, not the feed, is at fault.
						throw ex;
					}
				}
			}
			refused.forEach(item -> refuse(item, ex, run));
		}
	}

	/** A record the database would not take: skipped, keeping its last good version. */
	private static void refuse(ImportItem item, RuntimeException ex, ImportRun run) {
		String reason = "the database refused this record ("
				+ FieldReader.abbreviate(String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
					.lines()
					.findFirst()
					.orElse(""))
				+ "); skipped, and any version stored before is kept";
		for (Aggregate service : item.services) {
			run.problems.add(Problem.error(String.valueOf(service.root().get("source_id")), item.path, reason));
			// A repeated copy is counted as repeated already; the copy before it stands.
			if (!item.repeated.contains(service.id())) {
				run.servicesSkipped++;
				run.services.add(service.id());
			}
		}
		if (item.services.isEmpty()) {
			run.problems.add(Problem.error(null, item.path, reason));
		}
	}

	/**
	 * A full feed lists all of a publisher's services, so those it no longer lists are
	 * withdrawn. A file of only organisations or taxonomies says nothing about services;
	 * an empty feed is more likely broken than a publisher closing everything, so it is
	 * refused. A feed that would withdraw much of the directory at once, or is mostly
	 * invalid, is more likely broken too: nothing is withdrawn, and the run says why.
	 */
	private void withdrawMissing(ImportRun run, boolean allowWithdraw) {
		if (run.servicesRead == 0 && (run.recordsRead > 0 || !allowWithdraw)) {
			int active = activeServices(run.publisherId);
			if (run.recordsRead == 0 && active > 0) {
				throw new FeedException("the feed has no records, so all " + active + " of this publisher's "
						+ "services would be withdrawn; refusing, as this is more likely a broken feed");
			}
			return;
		}
		List<String> missing = this.writer.missing(run.publisherId, run.services);
		if (missing.isEmpty()) {
			return;
		}
		String heldBecause = allowWithdraw ? null : heldBack(run, missing.size());
		if (heldBecause != null) {
			run.servicesHeldBack = missing.size();
			run.problems.add(Problem.warning(null, "$", heldBecause + ", so none of the " + missing.size()
					+ " services missing from it was withdrawn. If the publisher really has closed them, import again"
					+ " with --allow-withdraw."));
			return;
		}
		this.writer.withdraw(missing, run.startedAt);
		run.servicesWithdrawn = missing.size();
	}

	private int activeServices(String publisherId) {
		Integer active = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM service WHERE publisher_id = ? AND withdrawn_at IS NULL", Integer.class,
				publisherId);
		return active == null ? 0 : active;
	}

	/** Why withdrawing this many would be a mistake, or null. */
	private String heldBack(ImportRun run, int missing) {
		int valid = run.servicesCreated + run.servicesUpdated + run.servicesUnchanged;
		if (valid * 2 < run.servicesRead) {
			return "only " + valid + " of the " + run.servicesRead + " services in this feed were valid";
		}
		int active = activeServices(run.publisherId);
		double limit = this.properties.getLimits().getWithdrawShare();
		if (missing > limit * active) {
			return String.format(
					"this feed leaves out %d of the publisher's %d services (%.0f%%), more than the"
							+ " %.0f%% one import may withdraw",
					missing, active, 100.0 * missing / active, 100 * limit);
		}
		return null;
	}

	private void ensurePublisher(String id, String name, FeedSource source) {
		String url = source instanceof FeedSource.Api api ? api.baseUrl().toString() : null;
		int updated = this.jdbc.update(
				"UPDATE publisher SET name = COALESCE(?, name), url = COALESCE(?, url) WHERE id = ?", name, url, id);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO publisher (id, name, url, created_at) VALUES (?, ?, ?, ?)", id,
					name == null ? id : name, url, DirectoryWriter.utc(this.clock.instant()));
		}
	}

	private List<Path> listFiles(Path path, ImportRun run) throws IOException {
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		if (!Files.isDirectory(path)) {
			throw new FeedException(path + " is not a file or folder");
		}
		try (Stream<Path> files = Files.list(path)) {
			List<Path> all = files.sorted().toList();
			List<Path> json = all.stream()
				.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".json"))
				.filter(Files::isRegularFile)
				.toList();
			// Named in the summary, so a folder of CSV files (the official examples'
			// csv/)
			// is not taken for imported.
			all.stream()
				.filter(f -> !json.contains(f))
				.forEach(f -> run.problems.add(
						Files.isDirectory(f) ? Problem.warning(null, f.getFileName() + "/", ImportReport.FOLDER_SKIPPED)
								: Problem.warning(null, f.getFileName().toString(), ImportReport.FILE_SKIPPED)));
			if (json.isEmpty()) {
				throw new FeedException(path + " has no .json files");
			}
			return json;
		}
	}

	/** A failed run still says what it had written: batches commit one by one. */
	private ImportReport report(ImportRun run, FeedSource source, String failure) {
		boolean failed = failure != null;
		return new ImportReport(null, run.publisherId, source.describe(), source.isFull(), run.startedAt,
				this.clock.instant(), failed ? ImportReport.Outcome.FAILED : ImportReport.Outcome.SUCCEEDED,
				run.servicesRead, run.servicesCreated, run.servicesUpdated, run.servicesUnchanged,
				run.servicesWithdrawn, run.servicesSkipped, run.servicesRepeated, run.servicesHeldBack,
				run.organizationsWritten, run.locationsWritten, run.taxonomyTermsWritten, failure,
				List.copyOf(run.problems));
	}

	/**
	 * Where API downloads are spooled. What a killed run left there is deleted on start:
	 * one process at a time uses a data folder (DataFolderLock).
	 */
	private Path spoolFolder() {
		return this.properties.getDataDir().resolve("downloads");
	}

	@PostConstruct
	void deleteLeftDownloads() {
		Path spool = spoolFolder();
		if (Files.isDirectory(spool)) {
			try (Stream<Path> left = Files.list(spool)) {
				left.forEach(folder -> {
					log.info("Deleting {}, left by an import that did not finish", folder);
					deleteQuietly(folder);
				});
			}
			catch (IOException ex) {
				log.warn("Could not clean {}", spool, ex);
			}
		}
	}

	/** The id, or IllegalArgumentException saying what a publisher id looks like. */
	public static String checkPublisherId(String id) {
		if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,99}")) {
			throw new IllegalArgumentException(
					"a publisher name is lower-case letters, digits and hyphens, such as lancashire-county-council; got '"
							+ id + "'");
		}
		return id;
	}

	private static void deleteQuietly(Path folder) {
		if (folder == null) {
			return;
		}
		try {
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", folder, ex);
		}
	}

}
