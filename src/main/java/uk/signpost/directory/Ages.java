package uk.signpost.directory;

/**
 * Who a service is for by age, from ORUK's minimum_age and maximum_age: a minimum of 0
 * and a maximum of 120 or more say nothing, so they are left out (null). The same rule
 * for the cards, the service page and the index's age filter.
 */
public record Ages(Integer from, Integer to) {

	/** A maximum at or past this takes any age: publishers write 120, 130 or 999. */
	public static final int ANY_AGE_FROM = 120;

	public static Ages of(Integer minimumAge, Integer maximumAge) {
		return new Ages(minimumAge != null && minimumAge > 0 ? minimumAge : null,
				maximumAge != null && maximumAge < ANY_AGE_FROM ? maximumAge : null);
	}

	/** True when it takes people of any age. */
	public boolean any() {
		return this.from == null && this.to == null;
	}

	/**
	 * The key of its wording under a prefix ("ages" gives ages.range, ages.from,
	 * ages.to), with from and to as the message's arguments; null for any age.
	 */
	public String key(String prefix) {
		if (any()) {
			return null;
		}
		return prefix + (this.from != null && this.to != null ? ".range" : this.from != null ? ".from" : ".to");
	}

	public Object[] arguments() {
		return new Object[] { this.from == null ? this.to : this.from, this.to };
	}

}
