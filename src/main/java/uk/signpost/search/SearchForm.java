package uk.signpost.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a person asked on the search page, exactly as the query string carries it, so
 * every search is a link to share or bookmark.
 *
 * @param q what they need help with, in their own words
 * @param where a postcode, outward code or town
 * @param radius miles
 * @param sort "relevance" or "nearest"
 * @param exact search the words as typed, without spelling correction
 * @param view "compact" for one short entry a service with its phone number (for people
 * looking services up during a call), else the full cards
 */
public record SearchForm(String q, String where, Double radius, Integer age, Boolean free, List<String> delivery,
		String day, Boolean open, String language, Boolean wheelchair, String category, String sort, Integer page,
		Boolean exact, String view) {

	public static final String COMPACT = "compact";

	/** No one reads past page 500, and deep pages cost the index the most. */
	public static final int MOST_PAGES = 500;

	private static final java.util.regex.Pattern MEANINGLESS = java.util.regex.Pattern.compile("\\p{Cc}|\\p{Cs}");

	public static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
			"sunday");

	public SearchForm {
		q = blankToNull(q);
		where = blankToNull(where);
		radius = radius == null || !ServiceSearch.RADII.contains(radius) ? ServiceQuery.DEFAULT_RADIUS : radius;
		age = age == null || age < 0 || age > 130 ? null : age;
		delivery = delivery == null ? List.of()
				: delivery.stream().filter(uk.signpost.search.Delivery.ALL::contains).distinct().toList();
		day = day == null || !DAYS.contains(day.toLowerCase(Locale.UK)) ? null : day.toLowerCase(Locale.UK);
		language = blankToNull(language);
		category = blankToNull(category);
		sort = "nearest".equals(sort) ? "nearest" : "relevance";
		page = page == null || page < 1 ? 1 : Math.min(page, MOST_PAGES);
		view = COMPACT.equals(view) ? COMPACT : null;
	}

	public boolean isCompact() {
		return COMPACT.equals(this.view);
	}

	/** The same results, on the same page, shown another way (null: the full cards). */
	public String withView(String view) {
		Map<String, List<String>> parameters = parameters();
		if (view == null) {
			parameters.remove("view");
		}
		else {
			parameters.put("view", List.of(view));
		}
		if (this.page > 1) {
			parameters.put("page", List.of(String.valueOf(this.page)));
		}
		return url(parameters);
	}

	/**
	 * What was typed, without control characters (a NUL would reach the page title) or
	 * halves of a surrogate pair.
	 */
	private static String blankToNull(String text) {
		if (text == null) {
			return null;
		}
		text = MEANINGLESS.matcher(text).replaceAll(" ");
		return text.isBlank() ? null : text.strip();
	}

	public boolean isFree() {
		return Boolean.TRUE.equals(this.free);
	}

	public boolean isOpen() {
		return Boolean.TRUE.equals(this.open);
	}

	public boolean isWheelchair() {
		return Boolean.TRUE.equals(this.wheelchair);
	}

	/** The search to run, near a place when one was found. */
	ServiceQuery toQuery(ServiceQuery.Near near, int pageSize) {
		return ServiceQuery.builder()
			.text(this.q)
			.near(near)
			.radiusMiles(this.radius)
			.age(this.age)
			.free(isFree())
			.delivery(Set.copyOf(this.delivery))
			.day(this.day)
			.openNow(isOpen())
			.language(this.language)
			.wheelchair(isWheelchair())
			.category(this.category)
			.nearestFirst(near != null && "nearest".equals(this.sort))
			.exact(Boolean.TRUE.equals(this.exact))
			.page(this.page)
			.size(pageSize)
			.build();
	}

	/** This search's address, page 1 unless asked. */
	public String url() {
		return url(parameters());
	}

	public String pageUrl(int page) {
		Map<String, List<String>> parameters = parameters();
		if (page > 1) {
			parameters.put("page", List.of(String.valueOf(page)));
		}
		return url(parameters);
	}

	/** The same search without one filter: "free", "delivery:online", "category" ... */
	public String without(String filter) {
		Map<String, List<String>> parameters = parameters();
		int colon = filter.indexOf(':');
		if (colon < 0) {
			parameters.remove(filter);
		}
		else {
			String name = filter.substring(0, colon);
			String value = filter.substring(colon + 1);
			List<String> left = parameters.getOrDefault(name, List.of())
				.stream()
				.filter(v -> !v.equals(value))
				.toList();
			if (left.isEmpty()) {
				parameters.remove(name);
			}
			else {
				parameters.put(name, left);
			}
		}
		return url(parameters);
	}

	/**
	 * The same search, filters and view kept, near another place (one of several found).
	 */
	public String withWhere(String place) {
		Map<String, List<String>> parameters = parameters();
		parameters.put("where", List.of(place));
		return url(parameters);
	}

	/** The same search for these words exactly as typed, without spelling correction. */
	public String asTyped(String words) {
		Map<String, List<String>> parameters = parameters();
		parameters.put("q", List.of(words));
		parameters.put("exact", List.of("true"));
		return url(parameters);
	}

	/** The same search with another radius. */
	public String withRadius(double miles) {
		Map<String, List<String>> parameters = parameters();
		parameters.put("radius", List.of(radiusText(miles)));
		return url(parameters);
	}

	/** Only what was typed: the search box and the place, no filters. */
	public String withoutFilters() {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		put(parameters, "q", this.q);
		put(parameters, "where", this.where);
		put(parameters, "view", this.view);
		return url(parameters);
	}

	public boolean hasFilters() {
		return this.age != null || isFree() || !this.delivery.isEmpty() || this.day != null || isOpen()
				|| this.language != null || isWheelchair() || this.category != null;
	}

	static String radiusText(double miles) {
		return miles == Math.rint(miles) ? String.valueOf((long) miles) : String.valueOf(miles);
	}

	private Map<String, List<String>> parameters() {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		put(parameters, "q", this.q);
		put(parameters, "where", this.where);
		if (this.where != null && this.radius != ServiceQuery.DEFAULT_RADIUS) {
			put(parameters, "radius", radiusText(this.radius));
		}
		put(parameters, "age", this.age == null ? null : String.valueOf(this.age));
		put(parameters, "free", isFree() ? "true" : null);
		if (!this.delivery.isEmpty()) {
			parameters.put("delivery", this.delivery);
		}
		put(parameters, "day", this.day);
		put(parameters, "open", isOpen() ? "true" : null);
		put(parameters, "language", this.language);
		put(parameters, "wheelchair", isWheelchair() ? "true" : null);
		put(parameters, "category", this.category);
		put(parameters, "sort", "nearest".equals(this.sort) ? "nearest" : null);
		put(parameters, "exact", Boolean.TRUE.equals(this.exact) ? "true" : null);
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

	/**
	 * Selected filters as tags that remove themselves: label and the address without it.
	 */
	public Map<String, String> selectedFilters() {
		Map<String, String> tags = new LinkedHashMap<>();
		if (this.category != null) {
			tags.put(this.category, without("category"));
		}
		if (this.age != null) {
			tags.put("Aged " + this.age, without("age"));
		}
		if (isFree()) {
			tags.put("Free", without("free"));
		}
		for (String mode : this.delivery) {
			tags.put(uk.signpost.search.Delivery.label(mode), without("delivery:" + mode));
		}
		if (this.day != null) {
			tags.put("Open on " + capitalised(this.day), without("day"));
		}
		if (isOpen()) {
			tags.put("Open now", without("open"));
		}
		if (this.language != null) {
			tags.put("In " + this.language, without("language"));
		}
		if (isWheelchair()) {
			tags.put("Wheelchair accessible", without("wheelchair"));
		}
		return tags;
	}

	static String capitalised(String word) {
		return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.UK) + word.substring(1);
	}

}
