package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import net.javacrumbs.shedlock.core.SimpleLock;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
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

import uk.signpost.nodes.HeldLocks;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.content.ContentFiles;
import uk.signpost.directory.DirectoryChanged;

/**
 * The index of findable services: Lucene's under {@code data-dir/index}, or one on an
 * OpenSearch cluster that every node shares (signpost.search.backend). The database is
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

	/** The lock a rebuild at start holds in the shedlock table (V14). */
	static final String REBUILD_LOCK = "search-rebuild";

	/** Backlog rows taken at once: their services are indexed and committed together. */
	private static final int BACKLOG_ROUND = 50_000;

	private final ServiceDocuments documents;

	private final JdbcTemplate jdbc;

	private final Generations generations;

	private volatile Vocabulary vocabulary = new Vocabulary();

	private volatile CloseableSearchMapping mapping;

	/**
	 * Counts the changes searches can see (each write made visible, each index put in
	 * place), so an answer kept from before one is never given again after it.
	 */
	private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

	/** Whether the last start found the index current or rebuilt it. */
	private boolean rebuiltAtStart;

	private final ContentFiles content;

	private final HeldLocks locks;

	SearchIndex(ServiceDocuments documents, JdbcTemplate jdbc, SignpostProperties properties, ContentFiles content,
			HeldLocks locks) {
		this.documents = documents;
		this.locks = locks;
		this.jdbc = jdbc;
		this.content = content;
		// The code's format and the protected words, which the index's own analysis uses:
		// a council that changes them gets a rebuild on the next start.
		String protectedWords = content.read(SearchAnalysis.PROTECTED);
		String format = FORMAT + "-" + Integer.toHexString(protectedWords == null ? 0 : protectedWords.hashCode());
		// The word lists are read by Lucene's factories, which Hibernate Search makes by
		// class; a council's own copies reach them through this one setting.
		SearchAnalysis.overrides(content.overrides());
		SignpostProperties.Search search = properties.getSearch();
		this.generations = switch (search.getBackend()) {
			case "lucene" -> new LuceneGenerations(properties.getDataDir().resolve("index").toAbsolutePath(), format);
			case "opensearch" -> new OpenSearchGenerations(search.getOpensearchUrl(), search.getOpensearchIndex(),
					format, new OpenSearchAnalysis(content));
			default -> throw new IllegalArgumentException(
					"signpost.search.backend is lucene or opensearch, not " + search.getBackend());
		};
	}

	/** How documents are built from rows, for searches that name what the index holds. */
	ServiceDocuments documents() {
		return this.documents;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			Generations.Live live = this.generations.openLive();
			if (live == null) {
				live = rebuildUnlessAnotherNodeIs();
			}
			this.rebuiltAtStart = live == null;
			if (live != null) {
				this.mapping = live.mapping();
				this.changes.incrementAndGet();
				Vocabulary loaded = live.vocabulary() != null ? live.vocabulary() : vocabularyFromDatabase();
				loaded.addSynonyms(this.content.read(SearchAnalysis.SYNONYMS));
				this.vocabulary = loaded;
				this.generations.tidy();
				catchUp();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * With no live generation, one node at a time rebuilds, under a lock every node sees:
	 * nodes starting together on an empty OpenSearch cluster built one index each, and
	 * the first to finish could delete the other's half-built one (older by its name). A
	 * node that finds the lock held waits for that node's generation and uses it; null
	 * once this node has rebuilt. A node killed mid-rebuild holds up the others for at
	 * most {@link HeldLocks#HELD_FOR}. With Lucene every node has its own index, so a
	 * waiting node rebuilds its own after.
	 */
	private Generations.Live rebuildUnlessAnotherNodeIs() throws IOException {
		try {
			for (boolean said = false;; said = true) {
				Optional<SimpleLock> lock = this.locks.tryLock(REBUILD_LOCK);
				if (lock.isPresent()) {
					try {
						Generations.Live built = this.generations.openLive();
						if (built == null) {
							rebuild();
						}
						return built;
					}
					finally {
						lock.get().unlock();
					}
				}
				if (!said) {
					log.info("Another node is rebuilding the search index: waiting for its generation");
				}
				Thread.sleep(1000);
				Generations.Live built = this.generations.openLive();
				if (built != null) {
					return built;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while waiting for another node's rebuild of the search index", ex);
		}
	}

	/** The directory's words, read as a rebuild reads them, where none are kept. */
	private Vocabulary vocabularyFromDatabase() {
		Vocabulary words = new Vocabulary();
		ServiceDocuments.Terms terms = this.documents.terms();
		List<String> ids = new ArrayList<>();
		this.documents.eachFindableId(ids::add);
		for (int i = 0; i < ids.size(); i += BATCH) {
			this.documents.build(ids.subList(i, Math.min(ids.size(), i + BATCH)), terms).values().forEach(words::add);
		}
		return words;
	}

	SearchSession session() {
		return this.mapping.createSession();
	}

	/**
	 * Searches see something new whenever this has moved on. Only this node writes to its
	 * own Lucene index; on OpenSearch other nodes write too, so it says nothing there.
	 */
	long changes() {
		return this.changes.get();
	}

	/** True on the embedded Lucene index, which only this node writes. */
	boolean onLucene() {
		return this.generations instanceof LuceneGenerations;
	}

	/** The analyser queries go through, to tell what is left of the words typed. */
	org.apache.lucene.analysis.Analyzer queryAnalyzer() {
		return this.generations.queryAnalyzer(this.mapping);
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
		Vocabulary built = new Vocabulary();
		built.addSynonyms(this.content.read(SearchAnalysis.SYNONYMS));
		ServiceDocuments.Terms terms = this.documents.terms();
		List<String> ids = new ArrayList<>();
		this.documents.eachFindableId(ids::add);
		CloseableSearchMapping next = this.generations.create();
		CloseableSearchMapping published;
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
			published = this.generations.publish(next, built);
		}
		catch (RuntimeException ex) {
			this.generations.discard(next);
			throw ex;
		}
		CloseableSearchMapping previous = this.mapping;
		this.mapping = published;
		this.vocabulary = built;
		this.changes.incrementAndGet();
		if (previous != null) {
			previous.close();
		}
		this.generations.tidy();
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
		this.changes.incrementAndGet();
		this.generations.saveVocabulary(this.vocabulary);
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
