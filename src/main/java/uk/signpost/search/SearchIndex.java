package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import uk.signpost.settings.SignpostProperties;
import uk.signpost.content.ContentFiles;
import uk.signpost.directory.DirectoryChanged;

/**
 * The Lucene index of findable services, under {@code data-dir/index}. The database is
 * the truth, and the index follows it by itself across crashes (ADR 0008): every change
 * puts the services it touched on the search backlog in its own transaction, and they are
 * taken off only once the index has committed them; this happens after every import,
 * every few seconds, and on start. A rebuild builds a new generation of the index beside
 * the live one and swaps only once it is complete, so a half-built index is never used.
 */
@Component
public class SearchIndex implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** Bump when ServiceDocument or the analysis changes, so old indexes are rebuilt. */
	static final String FORMAT = "18";

	private static final int BATCH = 1000;

	/** Backlog rows taken at once: their services are indexed and committed together. */
	private static final int BACKLOG_ROUND = 50_000;

	private static final String MARKER = "signpost-index.properties";

	private static final String VOCABULARY = "vocabulary.txt";

	/** Names the live generation; replaced atomically when a rebuild completes. */
	private static final String CURRENT = "current";

	/** A generation's folder name: g1, g2, ... */
	private static final java.util.regex.Pattern GENERATION = java.util.regex.Pattern.compile("g\\d+");

	private final ServiceDocuments documents;

	private final JdbcTemplate jdbc;

	private final Path folder;

	private volatile Vocabulary vocabulary = new Vocabulary();

	private volatile CloseableSearchMapping mapping;

	/** The live generation's folder. */
	private volatile Path live;

	/** Whether the last start found the index current or rebuilt it. */
	private boolean rebuiltAtStart;

	private final ContentFiles content;

	/**
	 * The code's format and the protected words, which the index's own analysis uses: a
	 * council that changes them gets a rebuild on the next start.
	 */
	private final String format;

	SearchIndex(ServiceDocuments documents, JdbcTemplate jdbc, SignpostProperties properties, ContentFiles content) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.folder = properties.getDataDir().resolve("index").toAbsolutePath();
		this.content = content;
		String protectedWords = content.read(SearchAnalysis.PROTECTED);
		this.format = FORMAT + "-" + Integer.toHexString(protectedWords == null ? 0 : protectedWords.hashCode());
		// The word lists are read by Lucene's factories, which Hibernate Search makes by
		// class; a council's own copies reach them through this one setting.
		SearchAnalysis.overrides(content.overrides());
	}

	/** How documents are built from rows, for searches that name what the index holds. */
	ServiceDocuments documents() {
		return this.documents;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			Path current = currentGeneration();
			this.rebuiltAtStart = current == null;
			if (current != null) {
				this.mapping = open(current, "create-or-validate");
				this.live = current;
				Vocabulary loaded = new Vocabulary();
				loaded.load(current.resolve(VOCABULARY));
				loaded.addSynonyms(this.content.read(SearchAnalysis.SYNONYMS));
				this.vocabulary = loaded;
				deleteAllBut(current);
				catchUp();
			}
			else {
				rebuild();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private CloseableSearchMapping open(Path generation, String schemaManagement) {
		return SearchMapping.builder(AnnotatedTypeSource.fromClasses(ServiceDocument.class), MethodHandles.lookup())
			.property("hibernate.search.backend.directory.root", generation.toString())
			.property("hibernate.search.backend.analysis.configurer", SearchAnalysis.class.getName())
			// Analysis follows the Lucene on the classpath; FORMAT is bumped when it
			// changes.
			.property("hibernate.search.backend.lucene_version", "LATEST")
			.property("hibernate.search.schema_management.strategy", schemaManagement)
			.build();
	}

	SearchSession session() {
		return this.mapping.createSession();
	}

	/** The analyser queries go through, to tell what is left of the words typed. */
	org.apache.lucene.analysis.Analyzer queryAnalyzer() {
		return this.mapping.indexManager("services")
			.unwrap(org.hibernate.search.backend.lucene.index.LuceneIndexManager.class)
			.searchAnalyzer();
	}

	/**
	 * True while the directory has changes the index has not taken yet: an import is
	 * under way, or its last batches are still to be indexed.
	 */
	boolean behind() {
		return !this.jdbc.queryForList("SELECT 1 FROM search_backlog FETCH FIRST 1 ROWS ONLY", Integer.class).isEmpty();
	}

	/**
	 * The words of the synonym list: words that say a need, so never taken for a place
	 * typed after one ("food bank").
	 */
	Set<String> needWords() {
		Set<String> words = this.needWords;
		if (words == null) {
			words = Set.copyOf(Vocabulary.words(this.content.read(SearchAnalysis.SYNONYMS)));
			this.needWords = words;
		}
		return words;
	}

	private volatile Set<String> needWords;

	Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/**
	 * Rebuilds the whole index from the database into a new generation, and makes it the
	 * live one only once it is complete; returns how many services it holds.
	 */
	public synchronized Rebuild rebuild() {
		long start = System.nanoTime();
		// The backlog up to here is covered by the rebuild; later rows are caught up
		// after.
		Long backlogMark = this.jdbc.queryForObject("SELECT MAX(id) FROM search_backlog", Long.class);
		Path generation = nextGeneration();
		deleteQuietly(generation);
		Vocabulary built = new Vocabulary();
		built.addSynonyms(this.content.read(SearchAnalysis.SYNONYMS));
		ServiceDocuments.Terms terms = this.documents.terms();
		List<String> ids = new ArrayList<>();
		this.documents.eachFindableId(ids::add);
		CloseableSearchMapping next = open(generation, "drop-and-create");
		try {
			// Asynchronous: no commit per document; one flush at the end makes it
			// durable.
			try (SearchSession session = next.createSessionWithOptions()
				.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async())
				.build()) {
				write(session, ids, terms, false, built);
				// One segment: every search then counts filters over a single set of doc
				// values, with no per-query mapping of ordinals across segments.
				session.workspace().mergeSegments();
				session.workspace().flush();
				session.workspace().refresh();
			}
			writeMarker(generation, built);
			makeCurrent(generation);
		}
		catch (RuntimeException ex) {
			next.close();
			deleteQuietly(generation);
			throw ex;
		}
		CloseableSearchMapping previous = this.mapping;
		this.mapping = next;
		this.vocabulary = built;
		this.live = generation;
		if (previous != null) {
			previous.close();
		}
		deleteAllBut(generation);
		if (backlogMark != null) {
			this.jdbc.update("DELETE FROM search_backlog WHERE id <= ?", backlogMark);
		}
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Search index rebuilt: {} services in {} ms", ids.size(), took.toMillis());
		catchUp();
		return new Rebuild(ids.size(), took);
	}

	public record Rebuild(int services, Duration took) {
	}

	/** Brings the services an import touched up to date, before the import returns. */
	@EventListener
	public void onImport(DirectoryChanged change) {
		catchUp();
	}

	/** Catches up with changes committed by a run that could not index them itself. */
	@Scheduled(fixedDelayString = "${signpost.search-backlog-poll:5s}")
	void poll() {
		if (this.mapping != null && !this.jdbc
			.queryForList("SELECT id FROM search_backlog ORDER BY id FETCH FIRST 1 ROWS ONLY", Long.class)
			.isEmpty()) {
			catchUp();
		}
	}

	/**
	 * Just after midnight: services with hours or prices that stopped applying yesterday
	 * or start today go on the backlog, so "open" and "Free" follow the dates without a
	 * rebuild (the index is built for the day it is built on).
	 */
	@Scheduled(cron = "0 5 0 * * *", zone = "Europe/London")
	void requeueDatedRows() {
		requeueDatedRows(java.time.LocalDate.now(uk.signpost.directory.Validity.UK));
	}

	int requeueDatedRows(java.time.LocalDate today) {
		var yesterday = java.sql.Date.valueOf(today.minusDays(1));
		var starts = java.sql.Date.valueOf(today);
		int queued = 0;
		for (String table : List.of("schedule", "cost_option")) {
			queued += this.jdbc.update("INSERT INTO search_backlog (service_id) SELECT DISTINCT service_id FROM "
					+ table + " WHERE valid_to = ? OR valid_from = ?", yesterday, starts);
		}
		return queued;
	}

	/**
	 * Indexes the services on the backlog, commits the index, and only then takes them
	 * off: a crash anywhere in between leaves them there for the next try. Returns how
	 * many services were re-read.
	 */
	public synchronized int catchUp() {
		int total = 0;
		while (this.mapping != null) {
			List<long[]> taken = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			this.jdbc.query(
					"SELECT id, service_id FROM search_backlog ORDER BY id FETCH FIRST " + BACKLOG_ROUND + " ROWS ONLY",
					rs -> {
						long id = rs.getLong(1);
						if (!taken.isEmpty() && taken.get(taken.size() - 1)[1] == id - 1) {
							taken.get(taken.size() - 1)[1] = id;
						}
						else {
							taken.add(new long[] { id, id });
						}
						ids.add(rs.getString(2));
					});
			if (ids.isEmpty()) {
				break;
			}
			update(ids);
			// Runs of ids read without a gap: another transaction's row can only fall
			// into a gap, so it is never deleted unread.
			this.jdbc.batchUpdate("DELETE FROM search_backlog WHERE id BETWEEN ? AND ?",
					taken.stream().map(run -> new Object[] { run[0], run[1] }).toList());
			total += ids.size();
		}
		return total;
	}

	/** Re-reads these services from the database: adds, replaces or deletes each. */
	synchronized void update(Collection<String> changed) {
		if (changed.isEmpty()) {
			return;
		}
		Collection<String> ids = this.documents.withSameService(changed);
		try (SearchSession session = this.mapping.createSessionWithOptions()
			.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async())
			.build()) {
			write(session, new ArrayList<>(ids), this.documents.terms(), true, this.vocabulary);
			if (ids.size() >= BATCH) {
				// A big import leaves many small segments; searches are faster over one.
				session.workspace().mergeSegments();
			}
			// Durable and visible to searches before the backlog is cleared.
			session.workspace().flush();
			session.workspace().refresh();
		}
		saveVocabulary(this.live, this.vocabulary);
		log.info("Search index updated: {} services re-read", ids.size());
	}

	/**
	 * Reads services from the database a batch at a time and hands them to the index; the
	 * next batch is read while the index takes this one, on the other core. replace: each
	 * may be in the index already, and one the database no longer finds is deleted.
	 */
	private void write(SearchSession session, List<String> ids, ServiceDocuments.Terms terms, boolean replace,
			Vocabulary vocabulary) {
		CompletableFuture<?> writing = CompletableFuture.completedFuture(null);
		for (int i = 0; i < ids.size(); i += BATCH) {
			List<String> batch = ids.subList(i, Math.min(ids.size(), i + BATCH));
			Map<String, ServiceDocument> built = this.documents.build(batch, terms);
			writing.join();
			List<CompletableFuture<?>> writes = new ArrayList<>(batch.size());
			for (String id : replace ? batch : built.keySet()) {
				ServiceDocument document = built.get(id);
				if (document == null) {
					writes.add(session.indexer().delete(ServiceDocument.class, id, null).toCompletableFuture());
				}
				else {
					vocabulary.add(document);
					writes.add((replace ? session.indexer().addOrUpdate(document) : session.indexer().add(document))
						.toCompletableFuture());
				}
			}
			writing = CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
			log.debug("Indexing: {} of {} services handed to the index", i + batch.size(), ids.size());
		}
		writing.join();
	}

	/**
	 * The live generation, or null when there is none that is complete and of this format
	 * (a first start, a lost folder, an older Signpost's index).
	 */
	private Path currentGeneration() throws IOException {
		Path pointer = this.folder.resolve(CURRENT);
		if (!Files.exists(pointer)) {
			return null;
		}
		String name = Files.readString(pointer).strip();
		Path generation = this.folder.resolve(name);
		Path marker = generation.resolve(MARKER);
		if (!GENERATION.matcher(name).matches() || !Files.exists(marker)
				|| !Files.exists(generation.resolve(VOCABULARY))) {
			return null;
		}
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(marker)) {
			properties.load(in);
		}
		return this.format.equals(properties.getProperty("format")) ? generation : null;
	}

	/** A folder name no generation has now: one more than the highest. */
	private Path nextGeneration() {
		int highest = 0;
		if (Files.isDirectory(this.folder)) {
			try (Stream<Path> children = Files.list(this.folder)) {
				highest = children.map(path -> path.getFileName().toString())
					.filter(name -> GENERATION.matcher(name).matches())
					.mapToInt(name -> Integer.parseInt(name.substring(1)))
					.max()
					.orElse(0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.folder.resolve("g" + (highest + 1));
	}

	/** Points the index at this generation, atomically: the old pointer or the new. */
	private void makeCurrent(Path generation) {
		try {
			Path pointer = this.folder.resolve(CURRENT);
			Path written = this.folder.resolve(CURRENT + ".new");
			Files.writeString(written, generation.getFileName().toString());
			try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(written, pointer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes what is not the live generation: older ones, and any half-built. */
	private void deleteAllBut(Path generation) {
		try (Stream<Path> children = Files.list(this.folder)) {
			children.filter(path -> !path.equals(generation) && !path.getFileName().toString().equals(CURRENT))
				.forEach(SearchIndex::deleteQuietly);
		}
		catch (IOException ex) {
			log.warn("Could not tidy {}", this.folder, ex);
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			FileSystemUtils.deleteRecursively(path);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}", path, ex);
		}
	}

	/** Whole or not at all: a crash while saving keeps the last complete copy. */
	private static void saveVocabulary(Path generation, Vocabulary vocabulary) {
		try {
			vocabulary.save(generation.resolve(VOCABULARY + ".new"));
			Files.move(generation.resolve(VOCABULARY + ".new"), generation.resolve(VOCABULARY),
					StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Marks a generation complete: written last, after its vocabulary. */
	private void writeMarker(Path generation, Vocabulary vocabulary) {
		saveVocabulary(generation, vocabulary);
		Properties properties = new Properties();
		properties.setProperty("format", this.format);
		try (var out = Files.newBufferedWriter(generation.resolve(MARKER))) {
			properties.store(out, "A complete Signpost search index; delete the index folder to rebuild it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean rebuiltAtStart() {
		return this.rebuiltAtStart;
	}

	@Override
	public void destroy() {
		if (this.mapping != null) {
			this.mapping.close();
			this.mapping = null;
		}
	}

}
