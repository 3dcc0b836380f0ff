package uk.signpost.search;

import java.util.Set;

/**
 * One search, as a resident or frontline worker asks it. Every part is optional: start
 * from {@link #ALL} and add what was asked.
 *
 * @param text what they need, in their own words, as the form left it
 * @param near where, already resolved to a point and the names of the areas it is in
 * @param radiusMiles how far from near a venue may be
 * @param filters the filters in use
 * @param nearestFirst sort by distance rather than relevance
 * @param exact search the words as typed, without spelling correction
 */
public record ServiceQuery(String text, Near near, double radiusMiles, Filters filters, boolean nearestFirst,
		boolean exact, int page, int size) {

	public static final double DEFAULT_RADIUS = 5;

	/** Every findable service, 20 to a page. */
	public static final ServiceQuery ALL = new ServiceQuery(null, null, DEFAULT_RADIUS, Filters.NONE, false, false, 1,
			20);

	public ServiceQuery {
		filters = filters == null ? Filters.NONE : filters;
		page = Math.max(1, page);
		size = Math.min(100, Math.max(1, size));
	}

	/** A point and the lower-case names of the areas that contain it (town, district). */
	public record Near(double latitude, double longitude, Set<String> areas) {
	}

	public ServiceQuery text(String text) {
		return new ServiceQuery(text, this.near, this.radiusMiles, this.filters, this.nearestFirst, this.exact,
				this.page, this.size);
	}

	public ServiceQuery near(Near near) {
		return new ServiceQuery(this.text, near, this.radiusMiles, this.filters, this.nearestFirst, this.exact,
				this.page, this.size);
	}

	public ServiceQuery radiusMiles(double miles) {
		return new ServiceQuery(this.text, this.near, miles, this.filters, this.nearestFirst, this.exact, this.page,
				this.size);
	}

	public ServiceQuery filters(Filters filters) {
		return new ServiceQuery(this.text, this.near, this.radiusMiles, filters, this.nearestFirst, this.exact,
				this.page, this.size);
	}

	public ServiceQuery with(Filter filter, String... values) {
		return filters(this.filters.with(filter, values));
	}

	public ServiceQuery without(Filter filter) {
		return filters(this.filters.without(filter));
	}

	public ServiceQuery nearestFirst(boolean nearestFirst) {
		return new ServiceQuery(this.text, this.near, this.radiusMiles, this.filters, nearestFirst, this.exact,
				this.page, this.size);
	}

	public ServiceQuery exact(boolean exact) {
		return new ServiceQuery(this.text, this.near, this.radiusMiles, this.filters, this.nearestFirst, exact,
				this.page, this.size);
	}

	public ServiceQuery page(int page) {
		return new ServiceQuery(this.text, this.near, this.radiusMiles, this.filters, this.nearestFirst, this.exact,
				page, this.size);
	}

	public ServiceQuery size(int size) {
		return new ServiceQuery(this.text, this.near, this.radiusMiles, this.filters, this.nearestFirst, this.exact,
				this.page, size);
	}

}
