package uk.signpost.search;

import java.util.Set;

/**
 * One search, as a resident or frontline worker asks it. Every part is optional.
 *
 * @param text what they need, in their own words
 * @param near where, already resolved to a point and the names of the areas it is in
 * @param radiusMiles how far from near a venue may be
 * @param age the age of the person the help is for
 * @param free only services that cost nothing
 * @param delivery only services delivered in one of these ways ({@link Delivery})
 * @param day only services open on this day (monday ... sunday)
 * @param openNow only services open at this moment, Europe/London
 * @param language only services offered in this language
 * @param wheelchair only services with a wheelchair accessible venue
 * @param category a top-level need category
 * @param term a category one level down
 * @param nearestFirst sort by distance rather than relevance
 * @param exact search the words as typed, without spelling correction
 * @param api the ORUK API's own filters, or null
 */
public record ServiceQuery(String text, Near near, double radiusMiles, Integer age, boolean free, Set<String> delivery,
		String day, boolean openNow, String language, boolean wheelchair, String category, String term,
		boolean nearestFirst, boolean exact, int page, int size, ApiFilters api) {

	public static final double DEFAULT_RADIUS = 5;

	public ServiceQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		delivery = delivery == null ? Set.of() : Set.copyOf(delivery);
		page = Math.max(1, page);
		size = Math.min(100, Math.max(1, size));
	}

	/**
	 * The filters ORUK's API defines and residents do not use: all optional. minimumAge
	 * keeps services whose minimum age is at least it; maximumAge those whose maximum age
	 * is at most it. startTime keeps services with a schedule opening at or after it,
	 * endTime those with one closing at or before it (minutes of the day; each bound may
	 * be met by a different schedule). servedAreas, when set, keeps services that name no
	 * service area or name one of these (lower case). venuesNear keeps services with a
	 * venue within venueMiles of it.
	 */
	public record ApiFilters(String taxonomyTermId, String taxonomyId, String organizationId,
			java.time.Instant modifiedAfter, Integer minimumAge, Integer maximumAge, Integer startTime, Integer endTime,
			Set<String> servedAreas, Near venuesNear, double venueMiles) {

		public ApiFilters(String taxonomyTermId, String taxonomyId, String organizationId,
				java.time.Instant modifiedAfter, Integer minimumAge, Integer maximumAge, Integer startTime,
				Integer endTime) {
			this(taxonomyTermId, taxonomyId, organizationId, modifiedAfter, minimumAge, maximumAge, startTime, endTime,
					null, null, 0);
		}

		/** True when any filter is set. */
		public boolean any() {
			return this.taxonomyTermId != null || this.taxonomyId != null || this.organizationId != null
					|| this.modifiedAfter != null || this.minimumAge != null || this.maximumAge != null
					|| this.startTime != null || this.endTime != null || this.servedAreas != null
					|| this.venuesNear != null;
		}

		/** These filters, keeping only services that serve one of areas. */
		public ApiFilters servedIn(Set<String> areas) {
			return new ApiFilters(this.taxonomyTermId, this.taxonomyId, this.organizationId, this.modifiedAfter,
					this.minimumAge, this.maximumAge, this.startTime, this.endTime, Set.copyOf(areas), this.venuesNear,
					this.venueMiles);
		}

		/** These filters, keeping only services with a venue within miles of near. */
		public ApiFilters venuesWithin(Near near, double miles) {
			return new ApiFilters(this.taxonomyTermId, this.taxonomyId, this.organizationId, this.modifiedAfter,
					this.minimumAge, this.maximumAge, this.startTime, this.endTime, this.servedAreas, near, miles);
		}

	}

	/** A point and the lower-case names of the areas that contain it (town, district). */
	public record Near(double latitude, double longitude, Set<String> areas) {
	}

	public static Builder builder() {
		return new Builder();
	}

	public Builder toBuilder() {
		Builder b = new Builder();
		b.text = this.text;
		b.near = this.near;
		b.radiusMiles = this.radiusMiles;
		b.age = this.age;
		b.free = this.free;
		b.delivery = this.delivery;
		b.day = this.day;
		b.openNow = this.openNow;
		b.language = this.language;
		b.wheelchair = this.wheelchair;
		b.category = this.category;
		b.term = this.term;
		b.nearestFirst = this.nearestFirst;
		b.exact = this.exact;
		b.page = this.page;
		b.size = this.size;
		b.api = this.api;
		return b;
	}

	public static final class Builder {

		private String text;

		private Near near;

		private double radiusMiles = DEFAULT_RADIUS;

		private Integer age;

		private boolean free;

		private Set<String> delivery = Set.of();

		private String day;

		private boolean openNow;

		private String language;

		private boolean wheelchair;

		private String category;

		private String term;

		private boolean nearestFirst;

		private boolean exact;

		private int page = 1;

		private int size = 20;

		private ApiFilters api;

		public Builder api(ApiFilters api) {
			this.api = api;
			return this;
		}

		public Builder text(String text) {
			this.text = text;
			return this;
		}

		public Builder near(Near near) {
			this.near = near;
			return this;
		}

		public Builder radiusMiles(double radiusMiles) {
			this.radiusMiles = radiusMiles;
			return this;
		}

		public Builder age(Integer age) {
			this.age = age;
			return this;
		}

		public Builder free(boolean free) {
			this.free = free;
			return this;
		}

		public Builder delivery(Set<String> delivery) {
			this.delivery = delivery;
			return this;
		}

		public Builder day(String day) {
			this.day = day;
			return this;
		}

		public Builder openNow(boolean openNow) {
			this.openNow = openNow;
			return this;
		}

		public Builder language(String language) {
			this.language = language;
			return this;
		}

		public Builder wheelchair(boolean wheelchair) {
			this.wheelchair = wheelchair;
			return this;
		}

		public Builder category(String category) {
			this.category = category;
			return this;
		}

		public Builder term(String term) {
			this.term = term;
			return this;
		}

		public Builder nearestFirst(boolean nearestFirst) {
			this.nearestFirst = nearestFirst;
			return this;
		}

		public Builder exact(boolean exact) {
			this.exact = exact;
			return this;
		}

		public Builder page(int page) {
			this.page = page;
			return this;
		}

		public Builder size(int size) {
			this.size = size;
			return this;
		}

		public ServiceQuery build() {
			return new ServiceQuery(this.text, this.near, this.radiusMiles, this.age, this.free, this.delivery,
					this.day, this.openNow, this.language, this.wheelchair, this.category, this.term, this.nearestFirst,
					this.exact, this.page, this.size, this.api);
		}

	}

}
