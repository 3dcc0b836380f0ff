package uk.signpost.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import uk.signpost.DirectoryTest;
import uk.signpost.nodes.HeldLocks;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.TestDirectory;
import uk.signpost.content.ContentFiles;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What happens at start: a current index is reused as it is; a missing or stale one comes
 * back from the database. Closes the context's own index, so the context is thrown away
 * afterwards.
 */
@DirtiesContext
class SearchIndexStartTest extends DirectoryTest {

	@Autowired
	SearchIndex index;

	@Autowired
	ServiceDocuments documents;

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SignpostProperties properties;

	@Autowired
	ContentFiles content;

	@Autowired
	ExtensibleLockProvider locks;

	@Autowired
	HeldLocks heldLocks;

	@TempDir
	Path folder;

	SearchIndex restarted;

	@BeforeEach
	void directory() throws Exception {
		TestDirectory.clear(this.jdbc);
		TestFeed feed = new TestFeed();
		feed.service("a", "Preston Foodbank").description("Food parcels").category("Food", "Food banks");
		feed.service("b", "Debt Advice").description("Help with debts").category("Money", "Debt advice");
		assertThat(this.importer.importFeed(new FeedSource.Files(feed.write(this.folder)), "council", "Council")
			.succeeded()).isTrue();
		// Only these two: earlier tests' services were deleted from the tables only.
		this.index.rebuild();
		// As if Signpost stopped here.
		this.index.destroy();
	}

	@AfterEach
	void close() {
		if (this.restarted != null) {
			this.restarted.destroy();
		}
		// Give the context its index back for the next test.
		this.index.afterSingletonsInstantiated();
	}

	private SearchIndex start() {
		this.restarted = new SearchIndex(this.documents, this.jdbc, this.properties, this.content, this.heldLocks);
		this.restarted.afterSingletonsInstantiated();
		return this.restarted;
	}

	private long found(SearchIndex index, String text) {
		ServiceSearch search = new ServiceSearch(index, new StaticListableBeanFactory().getBeanProvider(Clock.class),
				new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
				this.properties);
		return search.search(ServiceQuery.ALL.text(text)).total();
	}

	@Test
	void aCurrentIndexIsReusedWithItsVocabulary() {
		SearchIndex index = start();
		assertThat(index.rebuiltAtStart()).isFalse();
		assertThat(found(index, "food")).isEqualTo(1);
		assertThat(index.vocabulary().correct("foodbnk")).isEqualTo("foodbank");
	}

	@Test
	void losingTheIndexFolderLosesNothing() throws Exception {
		assumeTrue(lucene(), "Lucene's folders");
		deleteIndexFolder();
		SearchIndex index = start();
		assertThat(index.rebuiltAtStart()).isTrue();
		assertThat(found(index, "food")).isEqualTo(1);
		assertThat(found(index, "debts")).isEqualTo(1);
		// Rebuilt into one segment, which searches count filters over fastest.
		Path folder = this.properties.getDataDir().resolve("index");
		Path live = folder.resolve(Files.readString(folder.resolve("current")));
		try (Stream<Path> files = Files.list(live.resolve("services"))) {
			assertThat(files.filter(path -> path.toString().endsWith(".si"))).hasSize(1);
		}
	}

	@Test
	void aNodeStartingWhileAnotherRebuildsWaitsForThatGenerationInsteadOfBuildingItsOwn() throws Exception {
		assumeTrue(lucene(), "one data folder stands for the cluster both nodes share");
		SimpleLock othersRebuild = this.locks
			.lock(new LockConfiguration(Instant.now(), SearchIndex.REBUILD_LOCK, Duration.ofMinutes(1), Duration.ZERO))
			.orElseThrow();
		deleteIndexFolder();

		CompletableFuture<SearchIndex> starting = CompletableFuture.supplyAsync(this::start);
		Thread.sleep(2000);
		assertThat(starting).as("waits while the other node holds the rebuild lock").isNotDone();
		// The other node's rebuild, into the index both share; closed before this one
		// searches it, as Lucene lets one process write a folder at a time.
		SearchIndex other = new SearchIndex(this.documents, this.jdbc, this.properties, this.content, this.heldLocks);
		other.rebuild();
		other.destroy();
		othersRebuild.unlock();
		SearchIndex index = starting.get(60, TimeUnit.SECONDS);

		assertThat(index.rebuiltAtStart()).isFalse();
		assertThat(found(index, "food")).isEqualTo(1);
	}

	@Test
	void aNodeThatFindsTheRebuildLockFreeTakesItAndRebuilds() throws Exception {
		assumeTrue(lucene(), "Lucene's folders");
		deleteIndexFolder();

		SearchIndex index = start();

		assertThat(index.rebuiltAtStart()).isTrue();
		// Let go once done: the next node to find no index may rebuild at once.
		assertThat(this.locks
			.lock(new LockConfiguration(Instant.now(), SearchIndex.REBUILD_LOCK, Duration.ofMinutes(1), Duration.ZERO)))
			.hasValueSatisfying(SimpleLock::unlock);
	}

	private void deleteIndexFolder() throws IOException {
		try (Stream<Path> files = Files.walk(this.properties.getDataDir().resolve("index"))) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	@Test
	void changesTheIndexNeverSawAreCaughtUpOnStartWithoutARebuild() {
		// Committed with their backlog rows, as if Signpost stopped before indexing them.
		this.jdbc.update("UPDATE service SET name = 'Renamed Pantry'");
		this.jdbc.update("INSERT INTO search_backlog (service_id) SELECT id FROM service");
		SearchIndex index = start();
		assertThat(index.rebuiltAtStart()).isFalse();
		assertThat(found(index, "pantry")).isEqualTo(2);
		assertThat(TestDirectory.count(this.jdbc, "SELECT COUNT(*) FROM search_backlog")).isZero();
	}

	@Test
	void aHalfBuiltGenerationIsNeverUsed() throws Exception {
		assumeTrue(lucene(), "Lucene's folders");
		Path index = this.properties.getDataDir().resolve("index");
		String live = Files.readString(index.resolve("current"));
		// A rebuild killed half way: a newer folder with no marker, the pointer
		// unchanged.
		Files.createDirectories(index.resolve("g99/services"));
		Files.writeString(index.resolve("g99/services/segments_1"), "half");
		SearchIndex restarted = start();
		assertThat(restarted.rebuiltAtStart()).isFalse();
		assertThat(Files.readString(index.resolve("current"))).isEqualTo(live);
		assertThat(Files.exists(index.resolve("g99"))).isFalse();
		assertThat(found(restarted, "food")).isEqualTo(1);
	}

	@Test
	void anIndexWithoutAPointerIsRebuiltBesideAndSwapped() throws Exception {
		assumeTrue(lucene(), "Lucene's folders");
		Path index = this.properties.getDataDir().resolve("index");
		String before = Files.readString(index.resolve("current"));
		Files.delete(index.resolve("current"));
		SearchIndex restarted = start();
		assertThat(restarted.rebuiltAtStart()).isTrue();
		String after = Files.readString(index.resolve("current"));
		assertThat(after).isNotEqualTo(before);
		assertThat(Files.exists(index.resolve(before))).isFalse();
		assertThat(found(restarted, "debts")).isEqualTo(1);
	}

	private boolean lucene() {
		return "lucene".equals(this.properties.getSearch().getBackend());
	}

	/** The cluster's answer to a request, or null for 404. */
	private String cluster(String method, String path, String json) throws Exception {
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(this.properties.getSearch().getOpensearchUrl() + path))
			.method(method,
					json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
							: java.net.http.HttpRequest.BodyPublishers.ofString(json))
			.header("Content-Type", "application/json")
			.build();
		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201, 404);
		return response.statusCode() == 404 ? null : response.body();
	}

	/** The index the search alias names. */
	private String liveIndex() throws Exception {
		String aliased = cluster("GET", "/_alias/" + alias(), null);
		return com.google.gson.JsonParser.parseString(aliased).getAsJsonObject().keySet().iterator().next();
	}

	private String alias() {
		return this.properties.getSearch().getOpensearchIndex() + "-services";
	}

	@Test
	void losingTheIndexesOnTheClusterLosesNothing() throws Exception {
		assumeTrue(!lucene(), "OpenSearch's indexes");
		cluster("DELETE", "/" + alias() + "-*", null);
		SearchIndex index = start();
		assertThat(index.rebuiltAtStart()).isTrue();
		assertThat(found(index, "food")).isEqualTo(1);
		assertThat(found(index, "debts")).isEqualTo(1);
		assertThat(index.vocabulary().correct("foodbnk")).isEqualTo("foodbank");
	}

	@Test
	void aHalfBuiltIndexIsNeverUsed() throws Exception {
		assumeTrue(!lucene(), "OpenSearch's indexes");
		String live = liveIndex();
		// A rebuild killed half way (or under way on another node): a newer index that
		// the aliases do not name.
		String half = alias() + "-half-" + (System.currentTimeMillis() + 60_000);
		cluster("PUT", "/" + half, null);
		cluster("PUT", "/" + half + "/_doc/x", "{}");
		SearchIndex restarted = start();
		assertThat(restarted.rebuiltAtStart()).isFalse();
		assertThat(liveIndex()).isEqualTo(live);
		assertThat(found(restarted, "food")).isEqualTo(1);
		cluster("DELETE", "/" + half, null);
	}

	@Test
	void anIndexWithoutItsAliasesIsRebuiltBesideAndSwapped() throws Exception {
		assumeTrue(!lucene(), "OpenSearch's indexes");
		String before = liveIndex();
		cluster("POST", "/_aliases", """
				{"actions": [{"remove": {"index": "%s", "alias": "%s"}}]}""".formatted(before, alias()));
		SearchIndex restarted = start();
		assertThat(restarted.rebuiltAtStart()).isTrue();
		assertThat(liveIndex()).isNotEqualTo(before);
		assertThat(cluster("GET", "/" + before, null)).isNull();
		assertThat(found(restarted, "debts")).isEqualTo(1);
	}

}
