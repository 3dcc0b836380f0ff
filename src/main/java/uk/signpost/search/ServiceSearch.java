package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Validity;
import uk.signpost.search.SearchResult.FacetValue;
import uk.signpost.search.SearchResult.Hit;
import uk.signpost.search.SearchResult.Relaxation;

/**
 * Runs a {@link ServiceQuery} against the index: relevance within the radius (distance
 * breaks ties), filters with counts that ignore their own selection, spelling correction
 * and, when nothing matches, what to relax.
 */
@Component
public class ServiceSearch implements DisposableBean {

	static final ZoneId LONDON = Validity.UK;

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

	/** Radius choices offered to people, in miles. */
	public static final List<Double> RADII = List.of(1.0, 3.0, 5.0, 10.0, 25.0, 50.0);

	/** The filters that have counts. */
	public enum Facet {

		CATEGORY("category", "category"), TERM("term", "term"), DELIVERY("delivery", "delivery"),
		LANGUAGE("language", "language"), DAY("day", "openDay"), FREE("free", "free"),
		WHEELCHAIR("wheelchair", "wheelchair"), OPEN_NOW("open", "openSlot");

		/** Its values in the facet field are "prefix:value". */
		final String prefix;

		/** The field of its own, counted when the filter is in use. */
		final String field;

		Facet(String prefix, String field) {
			this.prefix = prefix;
			this.field = field;
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

	ServiceSearch(SearchIndex index, ObjectProvider<Clock> clock) {
		this.index = index;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void destroy() {
		this.counters.shutdownNow();
	}

	public uk.signpost.search.SearchResult search(ServiceQuery query) {
		String correctedFrom = null;
		String text = query.text() == null ? null : words(query.text()).text();
		if (text != null && !query.exact()) {
			String corrected = this.index.vocabulary().correct(text);
			if (corrected != null) {
				correctedFrom = text;
				text = corrected;
			}
		}
		boolean hasText = text != null && hasTerms(text);
		String searched = hasText ? text : null;
		int slot = slotNow();
		// The counts are other queries over the same matches: they run beside the page
		// of results, on the other core, each in a session of its own.
		Counting counting = counts(query, searched, slot);
		List<Hit> hits;
		try (SearchSession session = this.index.session()) {
			SearchResult<List<?>> result = fetch(session, query, searched, slot, false,
					(query.page() - 1) * query.size(), query.size(), false);
			hits = markOpen(session, hits(result, query), slot);
		}
		Counts counts = counting.join();
		List<Relaxation> relaxations = counts.total() == 0 ? relaxations(query, searched, slot) : List.of();
		return new uk.signpost.search.SearchResult(counts.total(), hits, counts.facets(), searched, correctedFrom,
				relaxations);
	}

	/** How many match, and every filter's options with their counts. */
	private record Counts(long total, Map<String, List<FacetValue>> facets) {
	}

	/**
	 * The counts of every filter not in use come from one pass over the facet field,
	 * without scoring; a filter in use, and "open now", are counted by queries of their
	 * own, beside it.
	 */
	private Counting counts(ServiceQuery query, String searched, int slot) {
		Map<Facet, CompletableFuture<List<FacetValue>>> own = new java.util.EnumMap<>(Facet.class);
		for (Facet facet : Facet.values()) {
			boolean yesOnly = facet == Facet.FREE || facet == Facet.WHEELCHAIR || facet == Facet.OPEN_NOW;
			if (facet == Facet.OPEN_NOW && !isActive(query, facet)) {
				// A term lookup of its own: counting it from the facet field would mean
				// indexing every open quarter-hour there.
				ServiceQuery open = query.toBuilder().openNow(true).build();
				own.put(facet,
						CompletableFuture.supplyAsync(() -> List.of(new FacetValue("true",
								count(f -> f.bool().filter(predicate(f, open, searched, slot, null, false))), false)),
								this.counters));
			}
			else if (isActive(query, facet) && !yesOnly) {
				// Counted without its own selection, so the other options stay visible.
				own.put(facet, CompletableFuture.supplyAsync(() -> {
					try (SearchSession session = this.index.session()) {
						AggregationKey<Map<String, Long>> key = AggregationKey.of(facet.name());
						Map<String, Long> without = session.search(ServiceDocument.class)
							.where(f -> f.bool().filter(predicate(f, query, searched, slot, facet, false)))
							.aggregation(key, f -> valueCounts(f, facet.field))
							.fetch(0)
							.aggregation(key);
						Map<String, Long> prefixed = new LinkedHashMap<>();
						without.forEach((value, count) -> prefixed.put(facet.prefix + ":" + value, count));
						return values(facet, prefixed, query);
					}
				}, this.counters));
			}
		}
		CompletableFuture<SearchResult<?>> all = CompletableFuture.supplyAsync(() -> {
			try (SearchSession session = this.index.session()) {
				return session.search(ServiceDocument.class)
					.where(f -> f.bool().filter(predicate(f, query, searched, slot, null, false)))
					.aggregation(ALL, f -> valueCounts(f, "facet"))
					.fetch(0);
			}
		}, this.counters);
		return new Counting(query, all, own);
	}

	private static final AggregationKey<Map<String, Long>> ALL = AggregationKey.of("facet");

	/**
	 * Counts on their way. Only the thread that asked waits for them: a counting thread
	 * never waits for another, so a busy pool queues work but cannot lock up.
	 */
	private record Counting(ServiceQuery query, CompletableFuture<SearchResult<?>> all,
			Map<Facet, CompletableFuture<List<FacetValue>>> own) {

		Counts join() {
			SearchResult<?> result = joined(this.all);
			long total = result.total().hitCount();
			Map<String, Long> counts = result.aggregation(ALL);
			Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
			for (Facet facet : Facet.values()) {
				if (this.own.containsKey(facet)) {
					facets.put(facet.name(), joined(this.own.get(facet)));
				}
				else if (isActive(this.query, facet)) {
					// A yes-only filter in use: its count is the number of results.
					facets.put(facet.name(), List.of(new FacetValue("true", total, true)));
				}
				else {
					facets.put(facet.name(), values(facet, counts, this.query));
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

	/**
	 * Matches in order without counts, spelling correction or relaxations: what the API
	 * pages through. limit may be large: only ids, venues and areas are read.
	 */
	public uk.signpost.search.SearchResult list(ServiceQuery query, int offset, int limit) {
		String searched = searched(query);
		int slot = slotNow();
		try (SearchSession session = this.index.session()) {
			SearchResult<List<?>> result = fetch(session, query, searched, slot, true, offset, limit, true);
			return new uk.signpost.search.SearchResult(result.total().hitCount(), hits(result, query), Map.of(),
					searched, null, List.of());
		}
	}

	/**
	 * A matching service and where its venues are, in the index's order (the same order
	 * venueIds gives their service_at_location ids).
	 */
	public record Venues(String serviceId, double[] latitudes, double[] longitudes) {
	}

	/**
	 * Every matching service with its venues, in no order: the API measures them itself,
	 * from the index, so a search near a busy town reads no rows.
	 */
	public List<Venues> venues(ServiceQuery query) {
		String searched = searched(query);
		int slot = slotNow();
		try (SearchSession session = this.index.session()) {
			List<List<?>> rows = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("venue", GeoPoint.class).list()).asList())
				.where(f -> f.bool().filter(predicate(f, query, searched, slot, null, false)))
				.totalHitCountThreshold(0)
				.fetchAllHits();
			List<Venues> found = new ArrayList<>(rows.size());
			for (List<?> row : rows) {
				@SuppressWarnings("unchecked")
				List<GeoPoint> points = (List<GeoPoint>) row.get(1);
				double[] latitudes = new double[points.size()];
				double[] longitudes = new double[points.size()];
				for (int i = 0; i < points.size(); i++) {
					latitudes[i] = points.get(i).latitude();
					longitudes[i] = points.get(i).longitude();
				}
				found.add(new Venues((String) row.get(0), latitudes, longitudes));
			}
			return found;
		}
	}

	/**
	 * The service_at_location ids of these services' venues, in the order venues gives
	 * them.
	 */
	public Map<String, List<String>> venueIds(java.util.Collection<String> serviceIds) {
		return this.index.documents().venueIds(serviceIds);
	}

	/** A matching service's id and how many service_at_locations it has. */
	public record Located(String id, int locations) {
	}

	/**
	 * Matches in order, a slice at a time, each with its number of service_at_locations;
	 * with the number of services and of their locations over all matches. The API pages
	 * through service_at_locations with this.
	 */
	public record Slice(long services, long locations, List<Located> hits) {
	}

	/** total: also count services and sum their locations over all matches (else 0). */
	public Slice locations(ServiceQuery query, int offset, int limit, boolean total) {
		String searched = searched(query);
		int slot = slotNow();
		try (SearchSession session = this.index.session()) {
			AggregationKey<Integer> sum = AggregationKey.of("locations");
			var step = session.search(ServiceDocument.class)
				.select(f -> f.composite().from(f.id(String.class), f.field("locations", Integer.class)).asList())
				.where(f -> predicate(f, query, searched, slot, null, true))
				.sort(f -> sort(f, query, searched != null, true));
			if (total) {
				step.aggregation(sum, f -> f.sum().field("locations", Integer.class));
			}
			else {
				step.totalHitCountThreshold(0);
			}
			var result = step.fetch(offset, limit);
			List<Located> hits = new ArrayList<>();
			for (List<?> row : result.hits()) {
				hits.add(new Located((String) row.get(0), (Integer) row.get(1)));
			}
			Integer locations = total ? result.aggregation(sum) : null;
			return new Slice(total ? result.total().hitCount() : 0, locations == null ? 0 : locations, hits);
		}
	}

	/**
	 * anyOrder: see sort. exactTotal: count every match; without it counting stops once
	 * the page is full, so the best hits are found without scoring every match (the total
	 * then comes from the counts).
	 */
	private SearchResult<List<?>> fetch(SearchSession session, ServiceQuery query, String searched, int slot,
			boolean anyOrder, int offset, int limit, boolean exactTotal) {
		boolean hasText = searched != null;
		var step = session.search(ServiceDocument.class)
			.select(f -> f.composite()
				.from(f.id(String.class), f.score(), f.field("delivery", String.class).list(),
						f.field("serviceArea", String.class).list(),
						query.near() == null ? f.constant(List.<Double>of())
								: f.distance("venue", point(query.near())).list().unit(DistanceUnit.MILES),
						f.field("free", Boolean.class))
				.asList())
			.where(f -> predicate(f, query, searched, slot, null, true))
			.sort(f -> sort(f, query, hasText, anyOrder));
		if (!exactTotal) {
			step.totalHitCountThreshold(offset + limit);
		}
		return step.fetch(offset, limit);
	}

	/**
	 * Relevance, or name without words; with a place, distance to the nearest venue
	 * breaks ties, or comes first when asked. anyOrder: without words or place, the order
	 * the index holds services in, which the API may use: sorting the whole directory by
	 * name to reach page 1,900 took most of an API request.
	 */
	private static org.hibernate.search.engine.search.sort.dsl.SortFinalStep sort(
			org.hibernate.search.engine.search.sort.dsl.SearchSortFactory f, ServiceQuery query, boolean hasText,
			boolean anyOrder) {
		var score = f.score();
		if (query.near() == null) {
			return hasText ? score.then().field("nameSort") : anyOrder ? f.indexOrder() : f.field("nameSort");
		}
		var distance = f.distance("venue", point(query.near())).mode(SortMode.MIN);
		return query.nearestFirst() || !hasText ? distance.then().score()
				: score.then().distance("venue", point(query.near())).mode(SortMode.MIN);
	}

	private List<Hit> hits(SearchResult<List<?>> result, ServiceQuery query) {
		List<Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			hits.add(hit(row, query));
		}
		return hits;
	}

	/** A category of need with how many services it has, and its sub-categories. */
	public record Need(String name, long count, List<Need> children) {
	}

	/**
	 * Browse by need: the taxonomy as a tree of categories, merged by name across
	 * publishers, each with its number of findable services; empty ones are left out.
	 */
	public List<Need> needs() {
		Map<String, Long> categories;
		Map<String, Long> terms;
		try (SearchSession session = this.index.session()) {
			AggregationKey<Map<String, Long>> byCategory = AggregationKey.of("category");
			AggregationKey<Map<String, Long>> byTerm = AggregationKey.of("term");
			SearchResult<?> all = session.search(ServiceDocument.class)
				.where(f -> f.matchAll())
				.aggregation(byCategory, f -> valueCounts(f, "category"))
				.aggregation(byTerm, f -> valueCounts(f, "term"))
				.fetch(0);
			categories = all.aggregation(byCategory);
			terms = all.aggregation(byTerm);
		}
		Map<String, java.util.TreeSet<String>> children = this.index.needTree();
		List<Need> needs = new ArrayList<>();
		categories.forEach((category, count) -> {
			List<Need> subs = new ArrayList<>();
			for (String child : children.getOrDefault(category, new java.util.TreeSet<>())) {
				long n = terms.getOrDefault(child, 0L);
				if (n > 0) {
					subs.add(new Need(child, n, List.of()));
				}
			}
			needs.add(new Need(category, count, subs));
		});
		needs.sort(java.util.Comparator.comparing(Need::name));
		return needs;
	}

	private Hit hit(List<?> row, ServiceQuery query) {
		@SuppressWarnings("unchecked")
		List<String> delivery = (List<String>) row.get(2);
		@SuppressWarnings("unchecked")
		List<String> areas = (List<String>) row.get(3);
		@SuppressWarnings("unchecked")
		List<Double> distances = (List<Double>) row.get(4);
		Double nearest = distances.stream().filter(d -> d != null).min(Double::compare).orElse(null);
		boolean within = nearest != null && nearest <= query.radiusMiles();
		boolean areaServed = query.near() != null && areas.stream().anyMatch(query.near().areas()::contains);
		return new Hit((String) row.get(0), (Float) row.get(1), nearest, delivery, within, areaServed,
				Boolean.TRUE.equals(row.get(5)), false);
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

	/** The quarter-hour of the week it is now in London, as "open now" is indexed. */
	private int slotNow() {
		ZonedDateTime now = ZonedDateTime.now(this.clock.withZone(LONDON));
		return ServiceDocuments.slot(now.getDayOfWeek(), now.toLocalTime());
	}

	/** The words to match, or null when there are none worth matching. */
	private String searched(ServiceQuery query) {
		String text = query.text() == null ? null : words(query.text()).text();
		return text != null && hasTerms(text) ? text : null;
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

	private static GeoPoint point(ServiceQuery.Near near) {
		return GeoPoint.of(near.latitude(), near.longitude());
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

	static boolean isActive(ServiceQuery query, Facet facet) {
		return switch (facet) {
			case CATEGORY -> query.category() != null;
			case TERM -> query.term() != null;
			case DELIVERY -> !query.delivery().isEmpty();
			case LANGUAGE -> query.language() != null;
			case DAY -> query.day() != null;
			case FREE -> query.free();
			case WHEELCHAIR -> query.wheelchair();
			case OPEN_NOW -> query.openNow();
		};
	}

	/**
	 * Everything the query asks, leaving out one facet's own filter when except is set.
	 * scored: with the clauses that only rank (names, taxonomy, a venue within reach);
	 * counts leave them out, as building them (synonyms and all) is a good part of a
	 * count's cost.
	 */
	private PredicateFinalStep predicate(SearchPredicateFactory f, ServiceQuery query, String text, int slot,
			Facet except, boolean scored) {
		var bool = f.bool();
		if (text == null) {
			bool.must(f.matchAll());
		}
		else {
			bool.must(f.match().field("text").matching(text));
			if (scored) {
				bool.should(f.match().field("names").matching(text).boost(3f));
				bool.should(f.match().field("taxonomy").matching(text).boost(2f));
			}
		}
		if (query.near() != null) {
			ServiceQuery.Near near = query.near();
			var within = f.spatial()
				.within()
				.field("venue")
				.circle(point(near), query.radiusMiles(), DistanceUnit.MILES);
			var anywhere = f.bool()
				.must(f.terms().field("delivery").matchingAny(Delivery.PHONE, Delivery.ONLINE))
				.mustNot(f.exists().field("serviceArea"));
			var areas = near.areas().isEmpty() ? null : f.terms().field("serviceArea").matchingAny(near.areas());
			if (scored) {
				// A venue within reach outranks a phone line elsewhere that matches as
				// well or a little better (about a name match's worth): near a place,
				// people look for somewhere to go. At 0.5, far helplines led. The
				// circle is in the query once, scoring and filtering both: setting one
				// up is a good part of a search near a place.
				var place = f.bool()
					.should(within.constantScore().boost(5f))
					.should(anywhere.constantScore().boost(0f));
				if (areas != null) {
					place.should(areas.constantScore().boost(0f));
				}
				bool.must(place);
			}
			else {
				var place = f.bool().should(within).should(anywhere);
				if (areas != null) {
					place.should(areas);
				}
				bool.filter(place);
			}
		}
		ServiceQuery.ApiFilters api = query.api();
		if (api != null) {
			if (api.taxonomyTermId() != null) {
				bool.filter(f.match().field("termId").matching(api.taxonomyTermId()));
			}
			if (api.taxonomyId() != null) {
				bool.filter(f.match().field("taxonomyId").matching(api.taxonomyId()));
			}
			if (api.organizationId() != null) {
				bool.filter(f.match().field("organizationId").matching(api.organizationId()));
			}
			if (api.modifiedAfter() != null) {
				bool.filter(f.range().field("lastModified").atLeast(api.modifiedAfter().toEpochMilli()));
			}
			if (api.minimumAge() != null) {
				bool.filter(f.range().field("minimumAge").atLeast(api.minimumAge()));
			}
			if (api.maximumAge() != null) {
				bool.filter(f.range().field("maximumAge").atMost(api.maximumAge()));
			}
			if (api.startTime() != null) {
				bool.filter(f.range().field("opensAt").atLeast(api.startTime()));
			}
			if (api.endTime() != null) {
				bool.filter(f.range().field("closesAt").atMost(api.endTime()));
			}
			if (api.venuesNear() != null) {
				bool.filter(f.spatial()
					.within()
					.field("venue")
					.circle(point(api.venuesNear()), api.venueMiles(), DistanceUnit.MILES));
			}
			if (api.servedAreas() != null) {
				var served = f.bool().should(f.bool().mustNot(f.exists().field("serviceArea")));
				if (!api.servedAreas().isEmpty()) {
					served.should(f.terms().field("serviceArea").matchingAny(api.servedAreas()));
				}
				bool.filter(served);
			}
		}
		if (query.age() != null) {
			bool.filter(f.range().field("minimumAge").atMost(query.age()));
			bool.filter(f.range().field("maximumAge").atLeast(query.age()));
		}
		filter(bool::filter, f, query, Facet.CATEGORY, except,
				() -> f.match().field("category").matching(query.category()));
		filter(bool::filter, f, query, Facet.TERM, except, () -> f.match().field("term").matching(query.term()));
		filter(bool::filter, f, query, Facet.DELIVERY, except,
				() -> f.terms().field("delivery").matchingAny(query.delivery()));
		filter(bool::filter, f, query, Facet.LANGUAGE, except,
				() -> f.match().field("language").matching(query.language()));
		filter(bool::filter, f, query, Facet.DAY, except, () -> f.match().field("openDay").matching(query.day()));
		filter(bool::filter, f, query, Facet.FREE, except, () -> f.match().field("free").matching(true));
		filter(bool::filter, f, query, Facet.WHEELCHAIR, except, () -> f.match().field("wheelchair").matching(true));
		filter(bool::filter, f, query, Facet.OPEN_NOW, except, () -> f.match().field("openSlot").matching(slot));
		return bool;
	}

	private static void filter(java.util.function.Consumer<PredicateFinalStep> bool, SearchPredicateFactory f,
			ServiceQuery query, Facet facet, Facet except, java.util.function.Supplier<PredicateFinalStep> predicate) {
		if (facet != except && isActive(query, facet)) {
			bool.accept(predicate.get());
		}
	}

	/**
	 * How many matches have each value of the field: every value, not only the top ten.
	 */
	private static org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep<Map<String, Long>> valueCounts(
			org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory f, String field) {
		return f.terms().field(field, String.class).maxTermCount(10_000);
	}

	/** One filter's options, from "filter:value" counts. */
	private static List<FacetValue> values(Facet facet, Map<String, Long> all, ServiceQuery query) {
		String prefix = facet.prefix + ":";
		Map<String, Long> counts = new java.util.TreeMap<>();
		all.forEach((key, count) -> {
			if (key.startsWith(prefix)) {
				counts.put(key.substring(prefix.length()), count);
			}
		});
		List<FacetValue> values = new ArrayList<>();
		switch (facet) {
			case FREE, WHEELCHAIR ->
				values.add(new FacetValue("true", counts.getOrDefault("true", 0L), isActive(query, facet)));
			case DELIVERY -> {
				for (String mode : Delivery.ALL) {
					values.add(new FacetValue(mode, counts.getOrDefault(mode, 0L), query.delivery().contains(mode)));
				}
			}
			case DAY -> {
				for (String day : ServiceDocuments.DAY_NAMES) {
					values.add(new FacetValue(day, counts.getOrDefault(day, 0L), day.equals(query.day())));
				}
			}
			default -> {
				String selected = facet == Facet.CATEGORY ? query.category()
						: facet == Facet.TERM ? query.term() : query.language();
				counts.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.forEach(e -> values.add(new FacetValue(e.getKey(), e.getValue(), e.getKey().equals(selected))));
				if (selected != null && !counts.containsKey(selected)) {
					values.add(new FacetValue(selected, 0, true));
				}
			}
		}
		return values;
	}

	/**
	 * For a search that found nothing: each constraint dropped in turn, with its count.
	 */
	private List<Relaxation> relaxations(ServiceQuery query, String text, int slot) {
		Map<String, ServiceQuery> options = new LinkedHashMap<>();
		if (query.near() != null) {
			RADII.stream()
				.filter(r -> r > query.radiusMiles())
				.findFirst()
				.ifPresent(r -> options.put("radius:" + r, query.toBuilder().radiusMiles(r).build()));
		}
		if (query.term() != null) {
			options.put("term:" + query.term(), query.toBuilder().term(null).build());
		}
		if (query.category() != null) {
			options.put("category:" + query.category(), query.toBuilder().category(null).term(null).build());
		}
		if (query.age() != null) {
			options.put("age:" + query.age(), query.toBuilder().age(null).build());
		}
		if (query.free()) {
			options.put("free:true", query.toBuilder().free(false).build());
		}
		if (!query.delivery().isEmpty()) {
			options.put("delivery:" + String.join(",", query.delivery()), query.toBuilder().delivery(Set.of()).build());
		}
		if (query.day() != null) {
			options.put("day:" + query.day(), query.toBuilder().day(null).build());
		}
		if (query.openNow()) {
			options.put("openNow:true", query.toBuilder().openNow(false).build());
		}
		if (query.language() != null) {
			options.put("language:" + query.language(), query.toBuilder().language(null).build());
		}
		if (query.wheelchair()) {
			options.put("wheelchair:true", query.toBuilder().wheelchair(false).build());
		}
		List<Relaxation> relaxations = new ArrayList<>();
		options.forEach((key, relaxed) -> {
			long count = count(f -> f.bool().filter(predicate(f, relaxed, text, slot, null, false)));
			int colon = key.indexOf(':');
			relaxations.add(new Relaxation(key.substring(0, colon), key.substring(colon + 1), count, relaxed));
		});
		return relaxations;
	}

}
