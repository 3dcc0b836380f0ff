package uk.signpost.geo;

/** A named place: a town, village or suburb, with the areas it is in. */
public record Place(String name, String kind, String district, String county, double latitude, double longitude,
		String source) {

	/** "Preston, Lancashire": enough to tell it from another Preston. */
	public String label() {
		String area = this.county != null && !this.county.isBlank() ? this.county : this.district;
		return area == null || area.isBlank() || area.equalsIgnoreCase(this.name) ? this.name : this.name + ", " + area;
	}

}
