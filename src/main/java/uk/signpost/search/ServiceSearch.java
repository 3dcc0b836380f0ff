package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;

import org.springframework.beans.factory.DisposableBean;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.signpost.search.SearchResult.FacetValue;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.search.SearchResult.Hit;
import uk.signpost.search.SearchResult.Relaxation;

/**
 * Runs a {@link ServiceQuery} against the index: relevance within the radius (distance
 * breaks ties), filters with counts that ignore their own selection, spelling correction
 * and, when nothing matches, what to relax.
 */
@Component
public class ServiceSearch implements DisposableBean {

	/**
	 * The most words one search matches (filler words such as "help" do not count). Each
	 * word is a clause for three fields, more with its synonyms, and Lucene refuses a
	 * query of more than 1,024 clauses: 400 words failed.
	 */
	public static final int MOST_WORDS = 32;

	/**
	 * A search's words: the text as searched (cut after the first MOST_WORDS that count)
	 * and how many there were.
	 */
	public record Words(String text, int count) {

		public boolean capped() {
			return this.count > MOST_WORDS;
		}

	}

	private final SearchIndex index;

	private final Clock clock;

	/**
	 * Runs a search's counts beside its page of results: two threads, for a two-core
	 * machine (docs/adr/0006).
	 */
	private final java.util.concurrent.ExecutorService counters = java.util.concurrent.Executors.newFixedThreadPool(2,
			task -> {
				Thread thread = new Thread(task, "search-counts");
				thread.setDaemon(true);
				return thread;
			});

	private final MeterRegistry meters;

	ServiceSearch(SearchIndex index, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
			SignpostProperties properties) {
		this.index = index;
		this.answers = Caffeine.newBuilder().maximumSize(properties.getSearch().getAnswersKept()).recordStats().build();
		this.keepsAnswers = properties.getSearch().getAnswersKept() > 0 && index.onLucene();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		CaffeineCacheMetrics.monitor(this.meters, this.answers, "signpost.search.answers");
	}

	@Override
	public void destroy() {
		this.counters.shutdownNow();
	}

	/**
	 * One search with its counts, timed for operators as signpost.search, by whether it
	 * had words and a place (README: Monitoring).
	 */
	public uk.signpost.search.SearchResult search(ServiceQuery query) {
		int slot = ServiceDocuments.slotNow(this.clock);
		// Timed only when the index is searched: an answer given again is counted by the
		// kept answers' own metrics.
		Timer timer = Timer.builder("signpost.search")
			.description("A search of the index with its counts, as the search page and the API run it")
			.tag("words", query.text() == null ? "no" : "yes")
			.tag("place", query.near() == null ? "no" : "yes")
			.register(this.meters);
		return answered(new Asked(query, slot), () -> timer.record(() -> run(query, slot)));
	}

	/** A search as asked in one quarter-hour ("open now" changes with the quarter). */
	private record Asked(Object query, int slot) {
	}

	/** An answer and the index it came from. */
	private record Answer(long changes, Object value) {
	}

	/**
	 * Searches answered since the index last changed. The same searches come again and
	 * again (the start page's needs, a popular search, its next page back to the first),
	 * and a search over 100,000 services costs tens of milliseconds, most of it counting
	 * the filters over every match (docs/adr/0019). On OpenSearch the cluster keeps
	 * count-only answers itself, until its next refresh, and other nodes write the index,
	 * so nothing is kept here.
	 */
	private final Cache<Asked, Answer> answers;

	private final boolean keepsAnswers;

	@SuppressWarnings("unchecked")
	private <T> T answered(Asked asked, java.util.function.Supplier<T> search) {
		if (!this.keepsAnswers) {
			return search.get();
		}
		// Read before searching: a change made while this search runs makes its answer
		// one that is never given again.
		long changes = this.index.changes();
		Answer kept = this.answers.getIfPresent(asked);
		if (kept != null && kept.changes() == changes) {
			return (T) kept.value();
		}
		T value = search.get();
		this.answers.put(asked, new Answer(changes, value));
		return value;
	}

	private uk.signpost.search.SearchResult run(ServiceQuery query, int slot) {
		String correctedFrom = null;
		String text = query.text() == null ? null
				: words(query.exact() ? query.text() : WhoFor.strip(query.text())).text();
		if (text != null && !query.exact()) {
			String corrected = this.index.vocabulary().correct(text);
			if (corrected != null) {
				correctedFrom = text;
				text = corrected;
			}
		}
		boolean hasText = text != null && hasTerms(text);
		String searched = hasText ? text : null;
		// The counts are other queries over the same matches: they run beside the page
		// of results, on the other core, each in a session of its own.
		Counting counting = counts(query, searched, slot);
		List<Hit> hits;
		try (SearchSession session = this.index.session()) {
			SearchResult<List<?>> result = IndexQueries.fetch(session, query, null, searched, slot, false,
					(query.page() - 1) * query.size(), query.size(), false);
			hits = markOpen(session, IndexQueries.hits(result, query), slot);
		}
		Counts counts = counting.join();
		List<Relaxation> relaxations = counts.total() == 0 ? relaxations(query, searched, slot) : List.of();
		return new uk.signpost.search.SearchResult(counts.total(), hits, counts.facets(), searched, need(searched),
				correctedFrom, relaxations);
	}

	/** How many match, and every filter's options with their counts. */
	private record Counts(long total, Map<Filter, List<FacetValue>> facets) {
	}

	/**
	 * The counts of every filter not in use come from one pass over the facet field,
	 * without scoring; a filter in use, and one counted on its own ("open now"), are
	 * counted by queries of their own, beside it.
	 */
	private Counting counts(ServiceQuery query, String searched, int slot) {
		Map<Filter, CompletableFuture<List<FacetValue>>> own = new java.util.EnumMap<>(Filter.class);
		for (Filter filter : Filter.values()) {
			boolean active = query.filters().has(filter);
			if (filter.counted() == Filter.Counted.OWN_QUERY && !active) {
				ServiceQuery asked = query.with(filter, Filter.TRUE);
				own.put(filter,
						CompletableFuture.supplyAsync(() -> List.of(new FacetValue(Filter.TRUE, count(
								f -> f.bool().filter(IndexQueries.of(f, asked, null, searched, slot, null, false))),
								false)), this.counters));
			}
			else if (filter.counted() == Filter.Counted.IN_FACETS && active && filter.control() != Filter.Control.YES) {
				// Counted without its own selection, so the other options stay visible.
				own.put(filter, CompletableFuture.supplyAsync(() -> values(filter,
						facets(f -> f.bool().filter(IndexQueries.of(f, query, null, searched, slot, filter, false)))
							.counts(),
						query), this.counters));
			}
		}
		CompletableFuture<Tally> all = CompletableFuture.supplyAsync(
				() -> facets(f -> f.bool().filter(IndexQueries.of(f, query, null, searched, slot, null, false))),
				this.counters);
		return new Counting(query, all, own);
	}

	/** The matches' "filter:value" counts, every filter's in one pass. */
	private Tally facets(java.util.function.Function<SearchPredicateFactory, PredicateFinalStep> where) {
		return tally(where, "facet");
	}

	/** How many match, and how many matches have each value of a keyword field. */
	private record Tally(long total, Map<String, Long> counts) {
	}

	/**
	 * Every value of the field, not only the top ten. Counting with a plain pass over the
	 * field's ordinals instead was tried: the same counts, no less CPU
	 * (docs/benchmarks.md).
	 */
	private Tally tally(java.util.function.Function<SearchPredicateFactory, PredicateFinalStep> where, String field) {
		AggregationKey<Map<String, Long>> key = AggregationKey.of(field);
		try (SearchSession session = this.index.session()) {
			SearchResult<?> result = session.search(ServiceDocument.class)
				.where(where::apply)
				.aggregation(key, f -> f.terms().field(field, String.class).maxTermCount(10_000))
				.fetch(0);
			return new Tally(result.total().hitCount(), result.aggregation(key));
		}
	}

	/**
	 * Counts on their way. Only the thread that asked waits for them: a counting thread
	 * never waits for another, so a busy pool queues work but cannot lock up.
	 */
	private record Counting(ServiceQuery query, CompletableFuture<Tally> all,
			Map<Filter, CompletableFuture<List<FacetValue>>> own) {

		Counts join() {
			Tally tally = joined(this.all);
			long total = tally.total();
			Map<String, Long> counts = tally.counts();
			Map<Filter, List<FacetValue>> facets = new java.util.EnumMap<>(Filter.class);
			for (Filter filter : Filter.values()) {
				if (this.own.containsKey(filter)) {
					facets.put(filter, joined(this.own.get(filter)));
				}
				else if (this.query.filters().has(filter) && filter.control() == Filter.Control.YES) {
					// A yes-only filter in use: its count is the number of results.
					facets.put(filter, List.of(new FacetValue(Filter.TRUE, total, true)));
				}
				else if (filter.counted() == Filter.Counted.IN_FACETS) {
					facets.put(filter, values(filter, counts, this.query));
				}
			}
			return new Counts(total, facets);
		}

	}

	/** The future's value, or what it threw, as thrown. */
	private static <T> T joined(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (java.util.concurrent.CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private long count(java.util.function.Function<SearchPredicateFactory, PredicateFinalStep> where) {
		try (SearchSession session = this.index.session()) {
			return session.search(ServiceDocument.class).where(where::apply).fetchTotalHitCount();
		}
	}

	/** A category of need with how many services it has. */
	public record Need(String name, long count) {
	}

	/**
	 * Browse by need: the top-level categories, merged by name across publishers, each
	 * with its number of findable services; empty ones are left out.
	 */
	public List<Need> needs() {
		return answered(new Asked(Need.class, 0), this::countNeeds);
	}

	private List<Need> countNeeds() {
		Map<String, Long> categories = tally(f -> f.bool().must(f.matchAll()).mustNot(IndexQueries.follower(f)),
				"category")
			.counts();
		List<Need> needs = new ArrayList<>();
		categories.forEach((category, count) -> needs.add(new Need(category, count)));
		needs.sort(java.util.Comparator.comparing(Need::name));
		return List.copyOf(needs);
	}

	/**
	 * The hits with "open now" marked, from one small query over their ids. Projecting
	 * every service's open quarter-hours instead (hundreds each) made the index half as
	 * big again and doubled p95 (docs/benchmarks.md).
	 */
	private static List<Hit> markOpen(SearchSession session, List<Hit> hits, int slot) {
		if (hits.isEmpty()) {
			return hits;
		}
		List<String> ids = hits.stream().map(Hit::id).toList();
		java.util.Set<String> open = new java.util.HashSet<>(session.search(ServiceDocument.class)
			.select(f -> f.id(String.class))
			.where(f -> f.bool().filter(f.id().matchingAny(ids)).filter(f.match().field("openSlot").matching(slot)))
			.fetchHits(ids.size()));
		return hits.stream()
			.map(h -> new Hit(h.id(), h.score(), h.distanceMiles(), h.delivery(), h.withinRadius(), h.areaServed(),
					h.free(), open.contains(h.id())))
			.toList();
	}

	/** True while the index has still to take changes already in the directory. */
	public boolean catchingUp() {
		return this.index.behind();
	}

	/** Words that say a need: never a place typed after one. */
	java.util.Set<String> needWords() {
		return this.index.needWords();
	}

	/** The words to match, or null when there are none worth matching. */
	String searched(String text) {
		String words = text == null ? null : words(text).text();
		return words != null && hasTerms(words) ? words : null;
	}

	/**
	 * The words of the text the query analyser keeps, as typed ("I need help paying my
	 * energy bills": "paying energy bills"), for the page to say what was searched.
	 */
	String need(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder need = new StringBuilder();
		int lastEnd = -1;
		try (TokenStream tokens = this.index.queryAnalyzer().tokenStream("names", text)) {
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				// A word's synonyms cover the words it does ("food bank" and "foodbank"):
				// each stretch of the text once.
				if (offset.startOffset() >= lastEnd) {
					need.append(need.isEmpty() ? "" : " ").append(text, offset.startOffset(), offset.endOffset());
					lastEnd = offset.endOffset();
				}
				else if (offset.endOffset() > lastEnd) {
					need.append(text, lastEnd, offset.endOffset());
					lastEnd = offset.endOffset();
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return need.isEmpty() ? text : need.toString();
	}

	/**
	 * The words the query analyser keeps, counted by where they start in the text (a
	 * word's synonyms start where it does), and the text cut before the first one past
	 * MOST_WORDS.
	 */
	public Words words(String text) {
		Analyzer analyzer = this.index.queryAnalyzer();
		int count = 0;
		int lastStart = -1;
		int cut = text.length();
		try (TokenStream tokens = analyzer.tokenStream("names", text)) {
			OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				if (offset.startOffset() > lastStart) {
					lastStart = offset.startOffset();
					count++;
					if (count == MOST_WORDS + 1) {
						cut = lastStart;
					}
				}
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Words(count > MOST_WORDS ? text.substring(0, cut).strip() : text, count);
	}

	/**
	 * True when the query analyser leaves at least one word ("help" alone leaves none).
	 */
	private boolean hasTerms(String text) {
		Analyzer analyzer = this.index.queryAnalyzer();
		try (TokenStream tokens = analyzer.tokenStream("names", text)) {
			tokens.reset();
			boolean any = tokens.incrementToken();
			tokens.end();
			return any;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One filter's options, from "filter:value" counts. */
	private static List<FacetValue> values(Filter filter, Map<String, Long> all, ServiceQuery query) {
		String prefix = filter.parameter() + ":";
		Map<String, Long> counts = new java.util.TreeMap<>();
		all.forEach((key, count) -> {
			if (key.startsWith(prefix)) {
				counts.put(key.substring(prefix.length()), count);
			}
		});
		List<String> selected = query.filters().get(filter);
		List<FacetValue> values = new ArrayList<>();
		if (filter.options() != null) {
			for (String option : filter.options()) {
				values.add(new FacetValue(option, counts.getOrDefault(option, 0L), selected.contains(option)));
			}
			return values;
		}
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(e -> values.add(new FacetValue(e.getKey(), e.getValue(), selected.contains(e.getKey()))));
		for (String value : selected) {
			if (!counts.containsKey(value)) {
				values.add(new FacetValue(value, 0, true));
			}
		}
		return values;
	}

	/**
	 * For a search that found nothing: the next radius, and each filter dropped in turn,
	 * with its count.
	 */
	private List<Relaxation> relaxations(ServiceQuery query, String text, int slot) {
		List<Relaxation> options = new ArrayList<>();
		if (query.near() != null) {
			SearchForm.RADII.stream()
				.filter(r -> r > query.radiusMiles())
				.findFirst()
				.ifPresent(r -> options.add(new Relaxation(null, SearchForm.radiusText(r), 0, query.radiusMiles(r))));
		}
		for (Filter filter : query.filters().active()) {
			options.add(new Relaxation(filter, query.filters().first(filter), 0, query.without(filter)));
		}
		return options.stream()
			.map(option -> new Relaxation(option.filter(), option.value(),
					count(f -> f.bool().filter(IndexQueries.of(f, option.query(), null, text, slot, null, false))),
					option.query()))
			.toList();
	}

}
