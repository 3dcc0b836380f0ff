package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.SignpostProperties;
import uk.signpost.ingest.Importer.DirectoryChanged;

/**
 * The Lucene index of findable services, under {@code data-dir/index}. The database is
 * the truth: the index is rebuilt from it when missing or behind (a marker file records
 * the last import it has seen), and every import updates it before the import returns.
 */
@Component
public class SearchIndex implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	/** Bump when ServiceDocument or the analysis changes, so old indexes are rebuilt. */
	static final String FORMAT = "13";

	private static final int BATCH = 1000;

	private final ServiceDocuments documents;

	private final JdbcTemplate jdbc;

	private final Path folder;

	private final Vocabulary vocabulary = new Vocabulary();

	private CloseableSearchMapping mapping;

	/** Whether the last start found the index current or rebuilt it. */
	private boolean rebuiltAtStart;

	SearchIndex(ServiceDocuments documents, JdbcTemplate jdbc, SignpostProperties properties) {
		this.documents = documents;
		this.jdbc = jdbc;
		this.folder = properties.getDataDir().resolve("index").toAbsolutePath();
	}

	/** How documents are built from rows, for searches that name what the index holds. */
	ServiceDocuments documents() {
		return this.documents;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			boolean current = isCurrent();
			this.mapping = SearchMapping
				.builder(AnnotatedTypeSource.fromClasses(ServiceDocument.class), MethodHandles.lookup())
				.property("hibernate.search.backend.directory.root", this.folder.toString())
				.property("hibernate.search.backend.analysis.configurer", SearchAnalysis.class.getName())
				// Analysis follows the Lucene on the classpath; FORMAT is bumped when it
				// changes.
				.property("hibernate.search.backend.lucene_version", "LATEST")
				.property("hibernate.search.schema_management.strategy",
						current ? "create-or-validate" : "drop-and-create")
				.build();
			this.rebuiltAtStart = !current;
			if (current) {
				this.vocabulary.load(this.folder.resolve("vocabulary.txt"));
				this.vocabulary.addResource(SearchAnalysis.SYNONYMS);
			}
			else {
				rebuild();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	/** Category name to the names of its direct sub-categories, across publishers. */
	Map<String, java.util.TreeSet<String>> needTree() {
		Map<String, java.util.TreeSet<String>> tree = new java.util.TreeMap<>();
		this.jdbc.query("SELECT p.name, t.name FROM taxonomy_term t JOIN taxonomy_term p ON p.id = t.parent_id", rs -> {
			if (Delivery.ofTerm(rs.getString(2)) == null) {
				tree.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
			}
		});
		return tree;
	}

	Vocabulary vocabulary() {
		return this.vocabulary;
	}

	/** Rebuilds the whole index from the database; returns how many services it holds. */
	public synchronized Rebuild rebuild() {
		long start = System.nanoTime();
		long lastRun = latestImportRun();
		this.vocabulary.clear();
		this.vocabulary.addResource(SearchAnalysis.SYNONYMS);
		ServiceDocuments.Terms terms = this.documents.terms();
		List<String> ids = new ArrayList<>();
		this.documents.eachFindableId(ids::add);
		// Asynchronous: no commit per document; one flush at the end makes it durable.
		try (SearchSession session = this.mapping.createSessionWithOptions()
			.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async())
			.build()) {
			session.workspace().purge();
			write(session, ids, terms, false);
			// One segment: every search then counts filters over a single set of doc
			// values, with no per-query mapping of ordinals across segments.
			session.workspace().mergeSegments();
			session.workspace().flush();
			session.workspace().refresh();
		}
		writeMarker(lastRun);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		log.info("Search index rebuilt: {} services in {} ms", ids.size(), took.toMillis());
		return new Rebuild(ids.size(), took);
	}

	public record Rebuild(int services, Duration took) {
	}

	/** Brings the services an import touched up to date, before the import returns. */
	@EventListener
	public synchronized void onImport(DirectoryChanged change) {
		var since = java.sql.Timestamp.from(change.report().startedAt());
		Set<String> ids = new LinkedHashSet<>(this.jdbc
			.queryForList("SELECT id FROM service WHERE imported_at >= ? OR withdrawn_at >= ? OR organization_id IN "
					+ "(SELECT id FROM organization WHERE imported_at >= ?) OR id IN (SELECT sal.service_id "
					+ "FROM service_at_location sal JOIN location l ON l.id = sal.location_id WHERE l.imported_at >= ?) "
					+ "OR id IN (SELECT a.service_id FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id "
					+ "WHERE t.imported_at >= ?)", String.class, since, since, since, since, since));
		update(ids);
		writeMarker(latestImportRun());
	}

	/** Re-reads these services from the database: adds, replaces or deletes each. */
	synchronized void update(Collection<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		try (SearchSession session = this.mapping.createSessionWithOptions()
			.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.async())
			.build()) {
			write(session, new ArrayList<>(ids), this.documents.terms(), true);
			if (ids.size() >= BATCH) {
				// A big import leaves many small segments; searches are faster over one.
				session.workspace().mergeSegments();
			}
			// Durable and visible to searches before the import returns.
			session.workspace().flush();
			session.workspace().refresh();
		}
		log.info("Search index updated: {} services re-read", ids.size());
	}

	/**
	 * Reads services from the database a batch at a time and hands them to the index; the
	 * next batch is read while the index takes this one, on the other core. replace: each
	 * may be in the index already, and one the database no longer finds is deleted.
	 */
	private void write(SearchSession session, List<String> ids, ServiceDocuments.Terms terms, boolean replace) {
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
					this.vocabulary.add(document);
					writes.add((replace ? session.indexer().addOrUpdate(document) : session.indexer().add(document))
						.toCompletableFuture());
				}
			}
			writing = CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));
		}
		writing.join();
	}

	private long latestImportRun() {
		Long id = this.jdbc.queryForObject("SELECT MAX(id) FROM import_run", Long.class);
		return id == null ? 0 : id;
	}

	private boolean isCurrent() throws IOException {
		Path marker = this.folder.resolve("signpost-index.properties");
		if (!Files.exists(marker) || !Files.exists(this.folder.resolve("vocabulary.txt"))) {
			return false;
		}
		Properties properties = new Properties();
		try (var in = Files.newBufferedReader(marker)) {
			properties.load(in);
		}
		return FORMAT.equals(properties.getProperty("format"))
				&& String.valueOf(latestImportRun()).equals(properties.getProperty("import-run"));
	}

	private void writeMarker(long importRun) {
		try {
			Files.createDirectories(this.folder);
			this.vocabulary.save(this.folder.resolve("vocabulary.txt"));
			Properties properties = new Properties();
			properties.setProperty("format", FORMAT);
			properties.setProperty("import-run", String.valueOf(importRun));
			try (var out = Files.newBufferedWriter(this.folder.resolve("signpost-index.properties"))) {
				properties.store(out, "What the search index has seen; delete the folder to rebuild it");
			}
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
