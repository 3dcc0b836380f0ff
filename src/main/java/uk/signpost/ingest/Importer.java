package uk.signpost.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.signpost.SignpostProperties;
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
	 * One import at a time: the writer's unchanged-record checks assume no one else is
	 * writing.
	 */
	private final ReentrantLock lock = new ReentrantLock();

	Importer(DirectoryWriter writer, ImportRunRepository runs, JdbcTemplate jdbc, TransactionTemplate transaction,
			ObjectMapper json, SignpostProperties properties, ApplicationEventPublisher events) {
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
		this.lock.lock();
		try {
			return run(source, checkPublisherId(publisherId), publisherName);
		}
		finally {
			this.lock.unlock();
		}
	}

	private ImportReport run(FeedSource source, String publisherId, String publisherName) {
		ImportRun run = new ImportRun(publisherId, this.clock.instant());
		Path spool = null;
		String failure = null;
		try {
			List<Path> files;
			if (source instanceof FeedSource.Api api) {
				spool = Files.createDirectories(this.properties.getDataDir().resolve("downloads"));
				spool = Files.createTempDirectory(spool, publisherId + "-");
				files = new OrukApiClient(this.json, this.properties.getHttpTimeout()).download(api.baseUrl(),
						api.modifiedAfter(), spool);
			}
			else {
				files = listFiles(((FeedSource.Files) source).path());
			}
			FeedReader feed = new FeedReader(this.json);
			files.forEach(feed::check);
			write(files, run, source, publisherName);
		}
		catch (FeedException ex) {
			failure = ex.getMessage();
		}
		catch (IOException | RuntimeException ex) {
			log.error("Import of {} failed", source.describe(), ex);
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
		this.events.publishEvent(new DirectoryChanged(publisherId, report));
		return report;
	}

	private void write(List<Path> files, ImportRun run, FeedSource source, String publisherName) {
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
			for (Path file : files) {
				feed.read(file, (node, path) -> {
					batch.add(reader.read(node, path));
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
			if (source.isFull()) {
				withdrawMissing(run);
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

	private void writeBatch(List<ImportItem> batch, ImportRun run) {
		for (ImportItem item : batch) {
			run.recordsRead++;
			run.problems.addAll(item.problems);
			run.servicesRead += item.services.size() + item.skippedServices.size();
			run.servicesSkipped += item.skippedServices.size();
			// A service that is in the feed but invalid this time keeps its last good
			// version.
			item.skippedServices.forEach(id -> run.services.add(RecordId.of(run.publisherId, "service", id)));
		}
		this.transaction.executeWithoutResult(status -> this.writer.write(batch, run));
	}

	/**
	 * A full feed lists all of a publisher's services, so those it no longer lists are
	 * withdrawn. A file of only organisations or taxonomies says nothing about services;
	 * an empty feed is more likely broken than a publisher closing everything, so it is
	 * refused.
	 */
	private void withdrawMissing(ImportRun run) {
		if (run.servicesRead == 0) {
			Integer active = this.jdbc.queryForObject(
					"SELECT COUNT(*) FROM service WHERE publisher_id = ? AND withdrawn_at IS NULL", Integer.class,
					run.publisherId);
			if (run.recordsRead == 0 && active != null && active > 0) {
				throw new FeedException("the feed has no records, so all " + active + " of this publisher's "
						+ "services would be withdrawn; refusing, as this is more likely a broken feed");
			}
			return;
		}
		run.servicesWithdrawn = this.writer.withdrawMissing(run.publisherId, run.services, run.startedAt);
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

	private List<Path> listFiles(Path path) throws IOException {
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		if (!Files.isDirectory(path)) {
			throw new FeedException(path + " is not a file or folder");
		}
		try (Stream<Path> files = Files.list(path)) {
			List<Path> json = files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".json"))
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
			if (json.isEmpty()) {
				throw new FeedException(path + " has no .json files");
			}
			return json;
		}
	}

	private ImportReport report(ImportRun run, FeedSource source, String failure) {
		boolean failed = failure != null;
		return new ImportReport(null, run.publisherId, source.describe(), source.isFull(), run.startedAt,
				this.clock.instant(), failed ? ImportReport.Outcome.FAILED : ImportReport.Outcome.SUCCEEDED,
				run.servicesRead, failed ? 0 : run.servicesCreated, failed ? 0 : run.servicesUpdated,
				failed ? 0 : run.servicesUnchanged, failed ? 0 : run.servicesWithdrawn, run.servicesSkipped,
				failed ? 0 : run.organizationsWritten, failed ? 0 : run.locationsWritten,
				failed ? 0 : run.taxonomyTermsWritten, failure, List.copyOf(run.problems));
	}

	static String checkPublisherId(String id) {
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
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", folder, ex);
		}
	}

	/**
	 * Published after every import run, failed ones too, for anything kept in step with
	 * the directory: records written since the report's start are what changed.
	 */
	public record DirectoryChanged(String publisherId, ImportReport report) {
	}

}
