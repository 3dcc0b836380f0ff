package uk.signpost.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.signpost.geo.Gazetteer.Point;

/**
 * Turns what someone typed in "Postcode or town" into a point: a full postcode, an
 * outward code or a place name. Never calls an online service.
 */
@Component
public class PlaceFinder {

	/** Places of one name closer than this are the same place from two sources. */
	private static final double SAME_PLACE_MILES = 5;

	private final Gazetteer gazetteer;

	PlaceFinder(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	/** What the words typed turned out to be. */
	public sealed interface Whereabouts {

		String typed();

	}

	/**
	 * Found: label is what to show ("PR1 2HE", "Preston, Lancashire"); areas are the
	 * lower case names of the areas it is in, for matching services' service areas;
	 * notice, when set, says what was done instead of what was asked.
	 */
	public record Found(String typed, String label, double latitude, double longitude, Set<String> areas,
			String notice) implements Whereabouts {
	}

	/** Several places have this name: the person picks one by its label. */
	public record Ambiguous(String typed, List<Place> choices) implements Whereabouts {
	}

	public record NotFound(String typed, String message) implements Whereabouts {
	}

	public Whereabouts find(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return new NotFound(text, "Enter a postcode or the name of a town");
		}
		if (Postcodes.isFull(text)) {
			String display = Postcodes.display(text);
			Optional<Point> point = this.gazetteer.postcode(text);
			if (point.isPresent()) {
				return found(text, display, point.get(), null);
			}
			String outward = Postcodes.outward(text);
			return this.gazetteer.outward(outward)
				.<Whereabouts>map(p -> found(text, outward, p,
						"We could not find the postcode " + display + ", so these results are for the " + outward
								+ " area"))
				.orElseGet(() -> new NotFound(text, "We could not find the postcode " + display
						+ ". Check it and try again, or enter the name of a town"));
		}
		if (Postcodes.isOutward(text)) {
			String outward = Postcodes.compact(text);
			return this.gazetteer.outward(outward)
				.<Whereabouts>map(p -> found(text, outward, p, null))
				.orElseGet(() -> new NotFound(text, "We could not find the postcode area " + outward
						+ ". Enter a full postcode or the name of a town"));
		}
		return byName(text);
	}

	private Whereabouts byName(String text) {
		// "Preston, Lancashire": the part after the comma picks among places of that
		// name.
		int comma = text.indexOf(',');
		String name = comma < 0 ? text : text.substring(0, comma);
		String area = comma < 0 ? null : Postcodes.placeKey(text.substring(comma + 1));
		List<Place> places = this.gazetteer.places(name);
		if (area != null && !area.isEmpty()) {
			places = places.stream()
				.filter(p -> area.equals(key(p.county())) || area.equals(key(p.district())))
				.toList();
		}
		List<Place> distinct = new ArrayList<>();
		for (Place place : places) {
			boolean known = distinct.stream()
				.anyMatch(d -> Distance.miles(d.latitude(), d.longitude(), place.latitude(),
						place.longitude()) < SAME_PLACE_MILES);
			if (!known) {
				distinct.add(place);
			}
		}
		if (distinct.isEmpty()) {
			return new NotFound(text,
					"We could not find a place called " + text.strip() + ". Check the spelling, or enter a postcode");
		}
		if (distinct.size() > 1) {
			return new Ambiguous(text, distinct);
		}
		Place place = distinct.get(0);
		Set<String> areas = new LinkedHashSet<>();
		for (Place same : places) {
			addArea(areas, same.name());
			addArea(areas, same.district());
			addArea(areas, same.county());
		}
		return new Found(text, place.label(), place.latitude(), place.longitude(), areas, null);
	}

	private Found found(String typed, String label, Point point, String notice) {
		Set<String> areas = new LinkedHashSet<>();
		this.gazetteer.nearestPlace(point).ifPresent(place -> {
			addArea(areas, place.name());
			addArea(areas, place.district());
			addArea(areas, place.county());
		});
		return new Found(typed, label, point.latitude(), point.longitude(), areas, notice);
	}

	private static void addArea(Set<String> areas, String name) {
		if (name != null && !name.isBlank()) {
			areas.add(name.strip().toLowerCase(Locale.UK));
		}
	}

	private static String key(String name) {
		return name == null ? "" : Postcodes.placeKey(name);
	}

}
