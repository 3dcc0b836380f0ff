package uk.signpost.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.util.common.data.Range;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import uk.signpost.search.SearchResult.FacetValue;
import uk.signpost.search.SearchResult.Hit;
import uk.signpost.search.SearchResult.Relaxation;

/**
 * Runs a {@link ServiceQuery} against the index: relevance within the radius (distance
 * breaks ties), filters with counts that ignore their own selection, spelling correction
 * and, when nothing matches, what to relax.
 */
@Component
public class ServiceSearch {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	/** Radius choices offered to people, in miles. */
	public static final List<Double> RADII = List.of(1.0, 3.0, 5.0, 10.0, 25.0, 50.0);

	/** The filters that have counts. */
	public enum Facet {

		CATEGORY("category"), TERM("term"), DELIVERY("delivery"), LANGUAGE("language"), DAY("openDay"), FREE("free"),
		WHEELCHAIR("wheelchair"), OPEN_NOW("openSlot");

		final String field;

		Facet(String field) {
			this.field = field;
		}

	}

	private final SearchIndex index;

	private final Clock clock;

	ServiceSearch(SearchIndex index, ObjectProvider<Clock> clock) {
		this.index = index;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	public uk.signpost.search.SearchResult search(ServiceQuery query) {
		String correctedFrom = null;
		String text = query.text();
		if (text != null && !query.exact()) {
			String corrected = this.index.vocabulary().correct(text);
			if (corrected != null) {
				correctedFrom = text;
				text = corrected;
			}
		}
		boolean hasText = text != null && hasTerms(text);
		String searched = hasText ? text : null;
		int slot = ServiceDocuments.slot(ZonedDateTime.now(this.clock.withZone(LONDON)).getDayOfWeek(),
				ZonedDateTime.now(this.clock.withZone(LONDON)).toLocalTime());
		try (SearchSession session = this.index.session()) {
			Map<Facet, AggregationKey<?>> keys = new EnumMap<>(Facet.class);
			var step = session.search(ServiceDocument.class)
				.select(f -> f.composite()
					.from(f.id(String.class), f.score(), f.field("delivery", String.class).list(),
							f.field("serviceArea", String.class).list(),
							query.near() == null ? f.constant(List.<Double>of())
									: f.distance("venue", point(query.near())).list().unit(DistanceUnit.MILES))
					.asList())
				.where(f -> predicate(f, query, searched, slot, null))
				.sort(f -> {
					var score = f.score();
					if (query.near() == null) {
						return hasText ? score.then().field("nameSort") : f.field("nameSort");
					}
					var distance = f.distance("venue", point(query.near())).mode(SortMode.MIN);
					return query.nearestFirst() || !hasText ? distance.then().score()
							: score.then().distance("venue", point(query.near())).mode(SortMode.MIN);
				});
			for (Facet facet : Facet.values()) {
				if (!isActive(query, facet)) {
					AggregationKey<Object> key = AggregationKey.of(facet.name());
					keys.put(facet, key);
					step.aggregation(key, f -> aggregation(f, facet, slot));
				}
			}
			SearchResult<List<?>> result = step.fetch((query.page() - 1) * query.size(), query.size());
			List<Hit> hits = new ArrayList<>();
			for (List<?> row : result.hits()) {
				hits.add(hit(row, query));
			}
			Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
			for (Facet facet : Facet.values()) {
				Object counts;
				if (keys.containsKey(facet)) {
					counts = result.aggregation(keys.get(facet));
				}
				else {
					String g = searched;
					AggregationKey<Object> key = AggregationKey.of(facet.name());
					counts = session.search(ServiceDocument.class)
						.where(f -> predicate(f, query, g, slot, facet))
						.aggregation(key, f -> aggregation(f, facet, slot))
						.fetch(0)
						.aggregation(key);
				}
				facets.put(facet.name(), values(facet, counts, query));
			}
			long total = result.total().hitCount();
			List<Relaxation> relaxations = total == 0 ? relaxations(session, query, searched, slot) : List.of();
			return new uk.signpost.search.SearchResult(total, hits, facets, searched, correctedFrom, relaxations);
		}
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
		return new Hit((String) row.get(0), (Float) row.get(1), nearest, delivery, within, areaServed);
	}

	private static GeoPoint point(ServiceQuery.Near near) {
		return GeoPoint.of(near.latitude(), near.longitude());
	}

	/**
	 * True when the query analyser leaves at least one word ("help" alone leaves none).
	 */
	private boolean hasTerms(String text) {
		Analyzer analyzer = this.index.queryAnalyzer();
		try (TokenStream tokens = analyzer.tokenStream("name", text)) {
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
	 */
	private PredicateFinalStep predicate(SearchPredicateFactory f, ServiceQuery query, String text, int slot,
			Facet except) {
		var bool = f.bool();
		bool.must(f.matchAll());
		if (text != null) {
			bool.must(f.match()
				.field("name")
				.boost(4f)
				.field("alternateName")
				.boost(3f)
				.field("taxonomy")
				.boost(3f)
				.field("organizationName")
				.boost(1.5f)
				.field("eligibilityDescription")
				.field("description")
				.matching(text));
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
			var place = f.bool().should(within).should(anywhere);
			if (!near.areas().isEmpty()) {
				place.should(f.terms().field("serviceArea").matchingAny(near.areas()));
			}
			bool.filter(place);
			// A venue within reach outranks a phone line elsewhere that matches as well.
			bool.should(f.spatial()
				.within()
				.field("venue")
				.circle(point(near), query.radiusMiles(), DistanceUnit.MILES)
				.constantScore()
				.boost(0.5f));
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

	private static org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep<Object> aggregation(
			org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory f, Facet facet, int slot) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		var step = (org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep<Object>) (org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep) switch (facet) {
			case FREE, WHEELCHAIR -> f.terms().field(facet.field, Boolean.class);
			case OPEN_NOW -> f.range().field(facet.field, Integer.class).range(slot, slot + 1);
			default -> f.terms().field(facet.field, String.class).maxTermCount(500).orderByCountDescending();
		};
		return step;
	}

	@SuppressWarnings("unchecked")
	private static List<FacetValue> values(Facet facet, Object counts, ServiceQuery query) {
		List<FacetValue> values = new ArrayList<>();
		switch (facet) {
			case FREE, WHEELCHAIR -> {
				long yes = ((Map<Boolean, Long>) counts).getOrDefault(true, 0L);
				values.add(new FacetValue("true", yes, isActive(query, facet)));
			}
			case OPEN_NOW -> {
				long open = ((Map<Range<Integer>, Long>) counts).values().stream().mapToLong(Long::longValue).sum();
				values.add(new FacetValue("true", open, query.openNow()));
			}
			case DELIVERY -> {
				Map<String, Long> map = (Map<String, Long>) counts;
				for (String mode : Delivery.ALL) {
					values.add(new FacetValue(mode, map.getOrDefault(mode, 0L), query.delivery().contains(mode)));
				}
			}
			case DAY -> {
				Map<String, Long> map = (Map<String, Long>) counts;
				for (String day : ServiceDocuments.DAY_NAMES) {
					values.add(new FacetValue(day, map.getOrDefault(day, 0L), day.equals(query.day())));
				}
			}
			default -> {
				String selected = facet == Facet.CATEGORY ? query.category()
						: facet == Facet.TERM ? query.term() : query.language();
				Map<String, Long> map = (Map<String, Long>) counts;
				map.forEach((value, count) -> values.add(new FacetValue(value, count, value.equals(selected))));
				if (selected != null && !map.containsKey(selected)) {
					values.add(new FacetValue(selected, 0, true));
				}
			}
		}
		return values;
	}

	/**
	 * For a search that found nothing: each constraint dropped in turn, with its count.
	 */
	private List<Relaxation> relaxations(SearchSession session, ServiceQuery query, String text, int slot) {
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
			long count = session.search(ServiceDocument.class)
				.where(f -> predicate(f, relaxed, text, slot, null))
				.fetchTotalHitCount();
			int colon = key.indexOf(':');
			relaxations.add(new Relaxation(key.substring(0, colon), key.substring(colon + 1), count, relaxed));
		});
		return relaxations;
	}

	static <T> Function<T, T> identity() {
		return Function.identity();
	}

}
