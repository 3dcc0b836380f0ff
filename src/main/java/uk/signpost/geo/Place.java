package uk.signpost.geo;

import java.util.ArrayList;
import java.util.List;

/** A named place: a town, village or suburb, with the areas it is in. */
public record Place(String name, String kind, String district, String county, double latitude, double longitude,
		String source) {

	/**
	 * "Preston, Lancashire": enough to tell it from another Preston. Where a county has
	 * two, the district tells them apart too: "Preston, Faversham, Kent".
	 */
	public String label() {
		List<String> parts = new ArrayList<>(List.of(this.name));
		for (String area : new String[] { this.district, this.county }) {
			if (area != null && !area.isBlank() && parts.stream().noneMatch(area::equalsIgnoreCase)) {
				parts.add(area.strip());
			}
		}
		return String.join(", ", parts);
	}

}
