package uk.signpost.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a person asked on the search page, read once from the query string and normalised
 * here, so every search is a link to share or bookmark and every link the page builds
 * keeps the whole search.
 *
 * @param q what they need help with, in their own words
 * @param where a postcode, outward code or town
 * @param radius miles
 * @param filters the filters in use ({@link Filter})
 * @param refusedAge an age typed that is not one (kept to show it back with an error)
 * @param nearest sort by distance rather than best match
 * @param exact search the words as typed, without spelling correction
 * @param view "compact" for one short entry a service with its phone number (for people
 * looking services up during a call), else null for the full cards
 */
public record SearchForm(String q, String where, double radius, Filters filters, String refusedAge, boolean nearest,
		int page, boolean exact, String view) {

	public static final String COMPACT = "compact";

	/** No one reads past page 500, and deep pages cost the index the most. */
	public static final int MOST_PAGES = 500;

	/** Radius choices offered to people, in miles. */
	public static final List<Double> RADII = List.of(1.0, 3.0, 5.0, 10.0, 25.0, 50.0);

	private static final Pattern MEANINGLESS = Pattern.compile("\\p{Cc}|\\p{Cs}");

	/** An empty search. */
	public static final SearchForm EMPTY = from(name -> List.of());

	/** The form as the query string gives it: each parameter's values by name. */
	public static SearchForm from(Function<String, List<String>> parameters) {
		Function<String, String> one = name -> {
			List<String> values = parameters.apply(name);
			return values == null || values.isEmpty() ? null : values.get(0);
		};
		Filters filters = Filters.from(parameters);
		String age = typed(one.apply(Filter.AGE.parameter()));
		return new SearchForm(cut(typed(one.apply("q")), LONGEST_WORDS), cut(typed(one.apply("where")), LONGEST_PLACE),
				radius(one.apply("radius")), filters, age != null && !filters.has(Filter.AGE) ? age : null,
				"nearest".equals(one.apply("sort")), page(one.apply("page")), "true".equals(one.apply("exact")),
				COMPACT.equals(one.apply("view")) ? COMPACT : null);
	}

	/**
	 * Past this the words are cut, at a word: only the first ServiceSearch.MOST_WORDS are
	 * searched anyway, and every link on the page carries them (5,000 pasted characters
	 * made each link too long for the server).
	 */
	static final int LONGEST_WORDS = 500;

	static final int LONGEST_PLACE = 100;

	static String cut(String text, int longest) {
		if (text == null || text.length() <= longest) {
			return text;
		}
		int space = text.lastIndexOf(' ', longest);
		return text.substring(0, space > longest / 2 ? space : longest).strip();
	}

	private static double radius(String typed) {
		try {
			double miles = typed == null ? ServiceQuery.DEFAULT_RADIUS : Double.parseDouble(typed);
			return RADII.contains(miles) ? miles : ServiceQuery.DEFAULT_RADIUS;
		}
		catch (NumberFormatException ex) {
			return ServiceQuery.DEFAULT_RADIUS;
		}
	}

	private static int page(String typed) {
		if (typed == null || !typed.matches("\\d{1,9}")) {
			return 1;
		}
		return Math.max(1, Math.min(Integer.parseInt(typed), MOST_PAGES));
	}

	/**
	 * What was typed, without control characters (a NUL would reach the page title) or
	 * halves of a surrogate pair; null when nothing is left.
	 */
	static String typed(String text) {
		if (text == null) {
			return null;
		}
		text = MEANINGLESS.matcher(text).replaceAll(" ");
		return text.isBlank() ? null : text.strip();
	}

	/** The same search for a need and a place taken apart from the words typed. */
	SearchForm near(String need, String place) {
		return new SearchForm(need, place, this.radius, this.filters, this.refusedAge, this.nearest, this.page,
				this.exact, this.view);
	}

	public boolean isCompact() {
		return COMPACT.equals(this.view);
	}

	/** The search to run, near a place when one was found. */
	ServiceQuery toQuery(ServiceQuery.Near near, int pageSize) {
		return ServiceQuery.ALL.text(this.q)
			.near(near)
			.radiusMiles(this.radius)
			.filters(this.filters)
			.nearestFirst(near != null && this.nearest)
			.exact(this.exact)
			.page(this.page)
			.size(pageSize);
	}

	/** This search's address, page 1. */
	public String url() {
		return url(parameters(this.filters));
	}

	public String pageUrl(int page) {
		Map<String, List<String>> parameters = parameters(this.filters);
		if (page > 1) {
			parameters.put("page", List.of(String.valueOf(page)));
		}
		return url(parameters);
	}

	/** The same results, on the same page, shown another way (null: the full cards). */
	public String withView(String view) {
		return new SearchForm(this.q, this.where, this.radius, this.filters, null, this.nearest, this.page, this.exact,
				view)
			.pageUrl(this.page);
	}

	/** The same search, page 1, with a filter's value. */
	public String with(Filter filter, String value) {
		return url(parameters(this.filters.with(filter, value)));
	}

	/** The same search without a filter. */
	public String without(Filter filter) {
		return url(parameters(this.filters.without(filter)));
	}

	/** The same search without one value of a filter. */
	public String without(Filter filter, String value) {
		return url(parameters(this.filters.without(filter, value)));
	}

	/** The same search, filters and view kept, near another place. */
	public String withWhere(String place) {
		Map<String, List<String>> parameters = parameters(this.filters);
		parameters.put("where", List.of(place));
		return url(parameters);
	}

	/** The same search for these words exactly as typed, without spelling correction. */
	public String asTyped(String words) {
		Map<String, List<String>> parameters = parameters(this.filters);
		parameters.put("q", List.of(words));
		parameters.put("exact", List.of("true"));
		return url(parameters);
	}

	/** The same search with another radius. */
	public String withRadius(double miles) {
		Map<String, List<String>> parameters = parameters(this.filters);
		parameters.put("radius", List.of(radiusText(miles)));
		return url(parameters);
	}

	/** Only what was typed: the search box, the place and the view, no filters. */
	public String withoutFilters() {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		put(parameters, "q", this.q);
		put(parameters, "where", this.where);
		put(parameters, "view", this.view);
		return url(parameters);
	}

	public boolean hasFilters() {
		return this.filters.any();
	}

	static String radiusText(double miles) {
		return miles == Math.rint(miles) ? String.valueOf((long) miles) : String.valueOf(miles);
	}

	private Map<String, List<String>> parameters(Filters filters) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		put(parameters, "q", this.q);
		put(parameters, "where", this.where);
		if (this.where != null && this.radius != ServiceQuery.DEFAULT_RADIUS) {
			put(parameters, "radius", radiusText(this.radius));
		}
		filters.values().forEach((filter, values) -> parameters.put(filter.parameter(), values));
		put(parameters, "sort", this.nearest ? "nearest" : null);
		put(parameters, "exact", this.exact ? "true" : null);
		put(parameters, "view", this.view);
		return parameters;
	}

	private static void put(Map<String, List<String>> parameters, String name, String value) {
		if (value != null) {
			parameters.put(name, List.of(value));
		}
	}

	private static String url(Map<String, List<String>> parameters) {
		StringBuilder url = new StringBuilder("/search");
		char separator = '?';
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			for (String value : parameter.getValue()) {
				url.append(separator)
					.append(parameter.getKey())
					.append('=')
					.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
				separator = '&';
			}
		}
		return url.toString();
	}

}
