package uk.signpost.search;

import java.time.Instant;
import java.util.Set;

/**
 * The filters ORUK's API defines and residents do not use: all optional. minimumAge keeps
 * services whose minimum age is at least it; maximumAge those whose maximum age is at
 * most it. startTime keeps services with a schedule opening at or after it, endTime those
 * with one closing at or before it (minutes of the day; each bound may be met by a
 * different schedule). servedAreas, when set, keeps services that name no service area or
 * name one of these (lower case). venuesNear keeps services with a venue within
 * venueMiles of it.
 */
public record ApiFilters(String taxonomyTermId, String taxonomyId, String organizationId, Instant modifiedAfter,
		Integer minimumAge, Integer maximumAge, Integer startTime, Integer endTime, Set<String> servedAreas,
		ServiceQuery.Near venuesNear, double venueMiles) {

	public static final ApiFilters NONE = new ApiFilters(null, null, null, null, null, null, null, null);

	public ApiFilters(String taxonomyTermId, String taxonomyId, String organizationId, Instant modifiedAfter,
			Integer minimumAge, Integer maximumAge, Integer startTime, Integer endTime) {
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
	public ApiFilters venuesWithin(ServiceQuery.Near near, double miles) {
		return new ApiFilters(this.taxonomyTermId, this.taxonomyId, this.organizationId, this.modifiedAfter,
				this.minimumAge, this.maximumAge, this.startTime, this.endTime, this.servedAreas, near, miles);
	}

}
