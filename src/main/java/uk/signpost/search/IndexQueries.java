package uk.signpost.search;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.spatial.DistanceUnit;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;

import uk.signpost.search.SearchResult.Hit;

/**
 * A {@link ServiceQuery} (and the API's own filters) as index clauses, sort and a page of
 * hits: what the search page and the API's lists share.
 */
final class IndexQueries {

	/** Added to the score of a service with a venue within the radius. */
	static final float NEAR_FIRST = 10_000f;

	private IndexQueries() {
	}

	/**
	 * Everything the query asks, leaving out one filter when except is set (its counts
	 * ignore its own selection). scored: with the clauses that only rank (names,
	 * taxonomy, a venue within reach); counts leave them out, as building them (synonyms
	 * and all) is a good part of a count's cost.
	 */
	static PredicateFinalStep of(SearchPredicateFactory f, ServiceQuery query, ApiFilters api, String text, int slot,
			Filter except, boolean scored) {
		var bool = f.bool();
		if (text == null) {
			bool.must(f.matchAll());
		}
		else if (api == null) {
			// The search page: a confirmed group is found by any copy's words, on its
			// lead.
			bool.must(words(f, text, 1f, "text", "sameServiceText"));
		}
		else {
			bool.must(words(f, text, 1f, "text"));
		}
		if (api == null) {
			bool.mustNot(follower(f));
		}
		if (text != null && scored) {
			bool.should(api == null ? words(f, text, 3f, "names", "sameServiceNames") : words(f, text, 3f, "names"));
			bool.should(words(f, text, 2f, "taxonomy"));
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
				// Near a place, people look for somewhere to go: a venue within reach
				// comes before every service found only because it works by phone or
				// online or covers the area, which the page shows as a group of its own
				// after them. The boost is past any text score, so within each group the
				// best match leads. The circle is in the query once, scoring and
				// filtering both: setting one up is a good part of a search near a place.
				var place = f.bool()
					.should(within.constantScore().boost(NEAR_FIRST))
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
		if (api != null) {
			api(f, api, bool);
		}
		Filters filters = query.filters();
		for (Filter filter : filters.active()) {
			if (filter != except) {
				bool.filter(filter.clause(f, filters.get(filter), slot));
			}
		}
		return bool;
	}

	/**
	 * A copy of a service that another copy leads (ADR 0016): residents meet the service
	 * once, by its lead; the API lists every publisher's record.
	 */
	static PredicateFinalStep follower(SearchPredicateFactory f) {
		return f.match().field("follows").matching(true);
	}

	/**
	 * The words matched in these fields (any of them). A synonym of several words ("food
	 * bank") matches its words anywhere, on both backends: OpenSearch's own match query
	 * would ask for them as a phrase, and found 0.02 fewer of the judged services
	 * (docs/search.md).
	 */
	static PredicateFinalStep words(SearchPredicateFactory f, String text, float boost, String... fields) {
		return f.extension().ifSupported(ElasticsearchExtension.get(), opensearch -> {
			JsonArray should = new JsonArray();
			for (String field : fields) {
				JsonObject match = new JsonObject();
				match.addProperty("query", text);
				match.addProperty("auto_generate_synonyms_phrase_query", false);
				JsonObject onField = new JsonObject();
				onField.add(field, match);
				JsonObject clause = new JsonObject();
				clause.add("match", onField);
				should.add(clause);
			}
			JsonObject any = new JsonObject();
			any.add("should", should);
			any.addProperty("minimum_should_match", 1);
			any.addProperty("boost", boost);
			JsonObject query = new JsonObject();
			query.add("bool", any);
			return opensearch.fromJson(query);
		}).orElse(lucene -> lucene.match().fields(fields).matching(text).boost(boost));
	}

	private static void api(SearchPredicateFactory f, ApiFilters api,
			org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep<?, ?> bool) {
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

	/**
	 * Relevance, or name without words; with a place, distance to the nearest venue
	 * breaks ties, or comes first when asked. anyOrder: without words or place, the order
	 * the index holds services in, which the API may use: sorting the whole directory by
	 * name to reach page 1,900 took most of an API request.
	 */
	static SortFinalStep sort(SearchSortFactory f, ServiceQuery query, boolean hasText, boolean anyOrder) {
		var score = f.score();
		if (query.near() == null) {
			return hasText ? score.then().field("nameSort") : anyOrder ? f.indexOrder() : f.field("nameSort");
		}
		var distance = f.distance("venue", point(query.near())).mode(SortMode.MIN);
		return query.nearestFirst() || !hasText ? distance.then().score()
				: score.then().distance("venue", point(query.near())).mode(SortMode.MIN);
	}

	/**
	 * anyOrder: see sort. exactTotal: count every match; without it counting stops once
	 * the page is full, so the best hits are found without scoring every match (the total
	 * then comes from the counts).
	 */
	static SearchResult<List<?>> fetch(SearchSession session, ServiceQuery query, ApiFilters api, String searched,
			int slot, boolean anyOrder, int offset, int limit, boolean exactTotal) {
		boolean hasText = searched != null;
		var step = session.search(ServiceDocument.class)
			.select(f -> f.composite()
				.from(f.id(String.class), f.score(), f.field("delivery", String.class).list(),
						f.field("serviceArea", String.class).list(),
						query.near() == null ? f.constant(List.<Double>of())
								: f.distance("venue", point(query.near())).list().unit(DistanceUnit.MILES),
						f.field("free", Boolean.class))
				.asList())
			.where(f -> of(f, query, api, searched, slot, null, true))
			.sort(f -> sort(f, query, hasText, anyOrder));
		if (!exactTotal) {
			step.totalHitCountThreshold(offset + limit);
		}
		return step.fetch(offset, limit);
	}

	static List<Hit> hits(SearchResult<List<?>> result, ServiceQuery query) {
		List<Hit> hits = new ArrayList<>();
		for (List<?> row : result.hits()) {
			@SuppressWarnings("unchecked")
			List<String> delivery = (List<String>) row.get(2);
			@SuppressWarnings("unchecked")
			List<String> areas = (List<String>) row.get(3);
			@SuppressWarnings("unchecked")
			List<Double> distances = (List<Double>) row.get(4);
			Double nearest = distances.stream().filter(d -> d != null).min(Double::compare).orElse(null);
			boolean within = nearest != null && nearest <= query.radiusMiles();
			boolean areaServed = query.near() != null && areas.stream().anyMatch(query.near().areas()::contains);
			hits.add(new Hit((String) row.get(0), (Float) row.get(1), nearest, delivery, within, areaServed,
					Boolean.TRUE.equals(row.get(5)), false));
		}
		return hits;
	}

	static GeoPoint point(ServiceQuery.Near near) {
		return GeoPoint.of(near.latitude(), near.longitude());
	}

}
