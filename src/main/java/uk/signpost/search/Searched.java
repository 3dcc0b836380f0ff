package uk.signpost.search;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import uk.signpost.geo.PlaceFinder;
import uk.signpost.geo.Postcodes;

/**
 * A search page was shown: what was asked and what it found, with nothing that could say
 * who asked (no address, no full postcode, no browser), for the analytics that listen.
 *
 * @param need the need words searched, lower case, or null when none were typed
 * @param category the category browsed, or null
 * @param area the outward code ("PR1") or the place ("Preston, Lancashire") searched
 * near, never a full postcode; null without a place
 * @param filters the parameters of the filters in use ("free", "delivery")
 * @param results how many services matched
 * @param corrected the words were corrected for spelling, and the results are for the
 * correction
 * @param asTyped the person asked for the words as typed, refusing a correction
 * @param relaxationOffered nothing matched and the page offered a change that finds some
 * @param fromRelaxation this search is one such change, followed from the page
 * @param page the page of results
 */
public record Searched(String need, String category, String area, List<String> filters, long results, boolean corrected,
		boolean asTyped, boolean relaxationOffered, boolean fromRelaxation, int page) {

	/**
	 * The parameter a relaxation's link carries, so a search can say it came from one.
	 */
	public static final String FROM = "from";

	public static final String FROM_RELAXATION = "relaxation";

	/** The longest need kept. */
	static final int LONGEST = 200;

	static Searched of(SearchForm form, PlaceFinder.Found where, SearchResult result, boolean fromRelaxation) {
		String need = need(form.q());
		return new Searched(need, form.filters().first(Filter.CATEGORY), area(where),
				form.filters().active().stream().map(Filter::parameter).toList(), result.total(), result.corrected(),
				form.exact(), result.relaxations().stream().anyMatch(r -> r.count() > 0), fromRelaxation, form.page());
	}

	/**
	 * The need words as counted: lower case, single spaces, cut at a word. A service page
	 * reached from results counts under the same words, read from its "from" address.
	 */
	public static String need(String q) {
		String words = SearchForm.typed(q);
		return words == null ? null : SearchForm.cut(words.toLowerCase(Locale.UK).replaceAll("\\s+", " "), LONGEST);
	}

	/** The need words of a results page's query string ("q=food+bank&where=PR1"). */
	public static String needOf(String queryString) {
		MultiValueMap<String, String> parameters = UriComponentsBuilder.newInstance()
			.query(queryString)
			.build()
			.getQueryParams();
		List<String> q = parameters.get("q");
		return q == null || q.isEmpty() ? null : need(URLDecoder.decode(q.get(0), StandardCharsets.UTF_8));
	}

	/** A full postcode is cut to its outward code: the area, never the address. */
	static String area(PlaceFinder.Found where) {
		if (where == null) {
			return null;
		}
		return Postcodes.isFull(where.label()) ? Postcodes.outward(where.label()) : where.label();
	}

}
