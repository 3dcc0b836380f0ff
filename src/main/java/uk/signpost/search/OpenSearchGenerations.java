package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.lucene.analysis.Analyzer;
import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;
import org.hibernate.search.engine.environment.bean.BeanReference;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generations of the index on an OpenSearch cluster, shared by every node: each is an
 * index named "{name}-services-{format}-{time built}", and the aliases "{name}-services"
 * (searches) and "{name}-services-write" (updates) name the live one. Searches and
 * updates go through the alias, so when any node rebuilds, every node follows the switch,
 * which is one atomic request. A half-built index is never behind the alias. The
 * vocabulary is read from the database at start.
 */
final class OpenSearchGenerations implements Generations {

	private static final Logger log = LoggerFactory.getLogger(OpenSearchGenerations.class);

	private final String url;

	/** The live generation, for searches. */
	private final String alias;

	/** The same, for updates: Hibernate Search wants an alias of each. */
	private final String writeAlias;

	private final String format;

	private final OpenSearchAnalysis analysis;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** The index a rebuild is writing. */
	private String building;

	OpenSearchGenerations(String url, String name, String format, OpenSearchAnalysis analysis) {
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.alias = name + "-services";
		this.writeAlias = this.alias + "-write";
		this.format = format + "-" + analysis.fingerprint();
		this.analysis = analysis;
	}

	@Override
	public Live openLive() {
		List<String> live = aliased();
		if (live.size() != 1 || !live.get(0).startsWith(this.alias + "-" + this.format + "-")) {
			return null;
		}
		return new Live(open(new Layout(null, this.alias, this.writeAlias), "none"), null);
	}

	@Override
	public CloseableSearchMapping create() {
		this.building = this.alias + "-" + this.format + "-" + System.currentTimeMillis();
		return open(new Layout(this.building, null, null), "drop-and-create");
	}

	@Override
	public CloseableSearchMapping publish(CloseableSearchMapping built, Vocabulary vocabulary) {
		JsonObject body = new JsonObject();
		var actions = new com.google.gson.JsonArray();
		for (String alias : List.of(this.alias, this.writeAlias)) {
			for (String index : aliased(alias)) {
				actions.add(action("remove", index, alias));
			}
		}
		actions.add(action("add", this.building, this.alias));
		actions.add(action("add", this.building, this.writeAlias));
		body.add("actions", actions);
		send("POST", "/_aliases", body.toString());
		built.close();
		return open(new Layout(null, this.alias, this.writeAlias), "none");
	}

	private static JsonObject action(String verb, String index, String alias) {
		JsonObject target = new JsonObject();
		target.addProperty("index", index);
		target.addProperty("alias", alias);
		JsonObject action = new JsonObject();
		action.add(verb, target);
		return action;
	}

	@Override
	public void discard(CloseableSearchMapping built) {
		built.close();
		try {
			send("DELETE", "/" + this.building, null);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the index {}", this.building, ex);
		}
	}

	/**
	 * Deletes this site's indexes built before the live one; one built after it may be
	 * another node's rebuild under way, and goes at the next rebuild.
	 */
	@Override
	public void tidy() {
		List<String> live = aliased();
		if (live.size() != 1) {
			return;
		}
		long liveBuilt = built(live.get(0));
		String found = send("GET", "/_cat/indices/" + this.alias + "-*?h=index&format=json", null);
		for (var row : JsonParser.parseString(found).getAsJsonArray()) {
			String index = row.getAsJsonObject().get("index").getAsString();
			if (!index.equals(live.get(0)) && built(index) < liveBuilt) {
				try {
					send("DELETE", "/" + index, null);
				}
				catch (RuntimeException ex) {
					log.warn("Could not delete the index {}", index, ex);
				}
			}
		}
	}

	/** When an index of ours was built, from the end of its name. */
	private static long built(String index) {
		try {
			return Long.parseLong(index.substring(index.lastIndexOf('-') + 1));
		}
		catch (NumberFormatException ex) {
			return Long.MIN_VALUE;
		}
	}

	@Override
	public void saveVocabulary(Vocabulary vocabulary) {
		// Read from the database at start: every node sees the same words.
	}

	private volatile Analyzer queryAnalyzer;

	@Override
	public Analyzer queryAnalyzer(CloseableSearchMapping mapping) {
		Analyzer analyzer = this.queryAnalyzer;
		if (analyzer == null) {
			analyzer = SearchAnalysis.queryAnalyzer();
			this.queryAnalyzer = analyzer;
		}
		return analyzer;
	}

	/** The indexes behind the search alias: none, or the live one. */
	private List<String> aliased() {
		return aliased(this.alias);
	}

	private List<String> aliased(String alias) {
		String found = send("GET", "/_alias/" + alias, null);
		List<String> indexes = new ArrayList<>();
		if (found != null) {
			JsonParser.parseString(found).getAsJsonObject().keySet().forEach(indexes::add);
		}
		return indexes;
	}

	/** The answer's body, or null for 404. */
	private String send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofMinutes(1))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 404) {
				return null;
			}
			if (response.statusCode() >= 300) {
				throw new IllegalStateException("OpenSearch answered " + method + " " + path + " with "
						+ response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not reach OpenSearch at " + this.url, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private CloseableSearchMapping open(Layout layout, String schemaManagement) {
		return SearchMapping.builder(AnnotatedTypeSource.fromClasses(ServiceDocument.class), MethodHandles.lookup())
			.property("hibernate.search.backend.type", "elasticsearch")
			.property("hibernate.search.backend.uris", this.url)
			.property("hibernate.search.backend.analysis.configurer", BeanReference.ofInstance(this.analysis))
			.property("hibernate.search.backend.layout.strategy", BeanReference.ofInstance(layout))
			.property("hibernate.search.backend.schema_management.settings_file", SETTINGS)
			.property("hibernate.search.schema_management.strategy", schemaManagement)
			.build();
	}

	/**
	 * One shard, as the Lucene backend has one index: scores then count every service's
	 * words alike. Deep pages of the API go past OpenSearch's usual 10,000 hits.
	 */
	private static final String SETTINGS = "search/opensearch-index.json";

	/**
	 * How Hibernate Search names the index: a rebuild writes to the new index by its
	 * name; everything else reads and writes through the alias.
	 */
	private record Layout(String index, String alias, String writeAlias) implements IndexLayoutStrategy {

		@Override
		public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
			// Never created through the alias: searches use it once a rebuild made it.
			return this.index != null ? this.index : this.alias;
		}

		@Override
		public String createWriteAlias(String hibernateSearchIndexName) {
			return this.writeAlias;
		}

		@Override
		public String createReadAlias(String hibernateSearchIndexName) {
			return this.alias;
		}

		@Override
		public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
			return "services";
		}

		@Override
		public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
			return "services";
		}

	}

}
