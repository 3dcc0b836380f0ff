package uk.signpost.geo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import uk.signpost.geo.Gazetteer.Point;
import uk.signpost.geo.ShippedGazetteer.Ranked;

/**
 * Turns what someone typed in "Postcode or town" into a point: a full postcode, an
 * outward code or a place name. Never calls an online service.
 */
@Component
public class PlaceFinder {

	/** Places of one name closer than this are the same place from two sources. */
	private static final double SAME_PLACE_MILES = 5;

	/**
	 * A shipped place this many times bigger than the next of its name is what the name
	 * means on its own: "Preston" is Preston, Lancashire (1.9 times Preston, Brighton).
	 * Closer than that, the person chooses. Sizes are geometric means (ADR 0011), so 1.8
	 * is over three times on either signal.
	 */
	private static final double BIGGER = 1.8;

	/** The most places of one name offered to choose from. */
	private static final int CHOICES = 12;

	private final Gazetteer gazetteer;

	private final ShippedGazetteer shipped;

	PlaceFinder(Gazetteer gazetteer, ShippedGazetteer shipped) {
		this.gazetteer = gazetteer;
		this.shipped = shipped;
	}

	/** What the words typed turned out to be. */
	public sealed interface Whereabouts {

		String typed();

	}

	/** What a found point stands for. */
	public enum Match {

		/** The full postcode typed. */
		POSTCODE,

		/** The outward code typed ("PR1"). */
		OUTWARD_CODE,

		/**
		 * A well-formed full postcode that no table has: the label is its outward code,
		 * whose centre the point is.
		 */
		OUTWARD_CODE_FOR_POSTCODE,

		/**
		 * A Northern Ireland (BT) postcode: those are not open data, so the label is its
		 * outward code, whose centre (from GeoNames) the point is.
		 */
		NORTHERN_IRELAND_OUTWARD_CODE,

		/** A place name the directory or an imported file knows. */
		PLACE,

		/**
		 * A place name only the shipped tables know (GeoNames: every GB town, village and
		 * suburb, "Street" and "Bath" among them), so not one the directory is known to
		 * serve.
		 */
		SHIPPED_PLACE

	}

	/**
	 * Found: label is what to show ("PR1 2HE", "Preston, Lancashire"); areas are the
	 * lower case names of the areas it is in, for matching services' service areas;
	 * notice, when set, says what was done instead of what was asked; match says what the
	 * point stands for.
	 */
	public record Found(String typed, String label, double latitude, double longitude, Set<String> areas, String notice,
			Match match) implements Whereabouts {

		/**
		 * True when the full postcode typed was not found and its outward code (the
		 * label) was used instead: "We could not find the full postcode, so we used PR1".
		 */
		public boolean usedOutwardCode() {
			return this.match == Match.OUTWARD_CODE_FOR_POSTCODE || this.match == Match.NORTHERN_IRELAND_OUTWARD_CODE;
		}

		/** True for a Northern Ireland postcode, which Signpost cannot look up. */
		public boolean northernIreland() {
			return this.match == Match.NORTHERN_IRELAND_OUTWARD_CODE;
		}

	}

	/** Several places have this name: the person picks one by its label. */
	public record Ambiguous(String typed, List<Place> choices) implements Whereabouts {
	}

	/**
	 * Not found. northernIreland: a Northern Ireland postcode whose outward code is not
	 * known either; the message says such postcodes are not open data.
	 */
	public record NotFound(String typed, String message, boolean northernIreland) implements Whereabouts {

		public NotFound(String typed, String message) {
			this(typed, message, false);
		}

	}

	public Whereabouts find(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			return new NotFound(text, "Enter a postcode or the name of a town");
		}
		if (Postcodes.isFull(text)) {
			return byPostcode(text);
		}
		if (Postcodes.isOutward(text)) {
			String outward = Postcodes.compact(text);
			return this.gazetteer.outward(outward)
				.<Whereabouts>map(p -> found(text, outward, p, null, Match.OUTWARD_CODE))
				.orElseGet(() -> new NotFound(text, "We could not find the postcode area " + outward
						+ ". Enter a full postcode or the name of a town"));
		}
		return byName(text);
	}

	private Whereabouts byPostcode(String text) {
		String display = Postcodes.display(text);
		Optional<Point> point = this.gazetteer.postcode(text);
		if (point.isPresent()) {
			return found(text, display, point.get(), null, Match.POSTCODE);
		}
		String outward = Postcodes.outward(text);
		// The directory or a council's own file may know a BT postcode (above); the
		// shipped tables cannot: ONS's Northern Ireland postcodes are not open data.
		if (outward.startsWith("BT")) {
			return this.gazetteer.outward(outward)
				.<Whereabouts>map(p -> found(text, outward, p,
						"Postcodes in Northern Ireland are not open data, so " + "these results are for the " + outward
								+ " area",
						Match.NORTHERN_IRELAND_OUTWARD_CODE))
				.orElseGet(() -> new NotFound(text, "Signpost cannot look up postcodes in Northern Ireland, which "
						+ "are not open data. Enter the name of a town instead", true));
		}
		return this.gazetteer.outward(outward)
			.<Whereabouts>map(
					p -> found(text, outward, p,
							"We could not find the postcode " + display + ", so these results are for the " + outward
									+ " area",
							Match.OUTWARD_CODE_FOR_POSTCODE))
			.orElseGet(() -> new NotFound(text, "We could not find the postcode " + display
					+ ". Check it and try again, or enter the name of a town"));
	}

	private Whereabouts byName(String text) {
		// "Preston, Lancashire": the part after the comma picks among places of that
		// name.
		int comma = text.indexOf(',');
		String name = comma < 0 ? text : text.substring(0, comma);
		String area = comma < 0 ? null : Postcodes.placeKey(text.substring(comma + 1));
		// The directory's and imported files' places come first; the shipped ones are
		// for names they do not have.
		List<Place> known = inArea(this.gazetteer.places(name), text, area);
		if (!known.isEmpty()) {
			return choose(text, known, known, null, Match.PLACE);
		}
		List<Ranked> ranked = this.shipped.places(name)
			.stream()
			.filter(r -> !inArea(List.of(r.place()), text, area).isEmpty())
			.toList();
		List<Ranked> distinct = new ArrayList<>();
		for (Ranked place : ranked) {
			if (distinct.stream().noneMatch(d -> same(d.place(), place.place()))) {
				distinct.add(place);
			}
		}
		if (distinct.size() > 1 && distinct.get(0).weight() >= BIGGER * distinct.get(1).weight()) {
			Place biggest = distinct.get(0).place();
			String other = distinct.get(1).place().label();
			return choose(text, List.of(biggest), ranked.stream().map(Ranked::place).toList(),
					"There are other places called " + name.strip() + ". For one of those, add its county, such as "
							+ other,
					Match.SHIPPED_PLACE);
		}
		return choose(text, distinct.stream().limit(CHOICES).map(Ranked::place).toList(),
				ranked.stream().map(Ranked::place).toList(), null, Match.SHIPPED_PLACE);
	}

	/**
	 * The places of the name in the area typed after a comma: the whole of what was typed
	 * is a place's label ("Preston, Faversham, Kent"), or the area is its county or
	 * district.
	 */
	private static List<Place> inArea(List<Place> places, String text, String area) {
		if (area == null || area.isEmpty()) {
			return places;
		}
		String typed = Postcodes.placeKey(text);
		List<Place> labelled = places.stream().filter(p -> typed.equals(Postcodes.placeKey(p.label()))).toList();
		return !labelled.isEmpty() ? labelled
				: places.stream().filter(p -> area.equals(key(p.county())) || area.equals(key(p.district()))).toList();
	}

	/**
	 * One place found, several to choose from, or none; same are the found one's twins.
	 */
	private Whereabouts choose(String text, List<Place> places, List<Place> same, String notice, Match match) {
		List<Place> distinct = new ArrayList<>();
		for (Place place : places) {
			if (distinct.stream().noneMatch(d -> same(d, place))) {
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
		for (Place twin : same) {
			if (same(twin, place)) {
				addAreas(areas, twin);
			}
		}
		return new Found(text, place.label(), place.latitude(), place.longitude(), areas, notice, match);
	}

	private Found found(String typed, String label, Point point, String notice, Match match) {
		Set<String> areas = new LinkedHashSet<>();
		this.gazetteer.nearestPlace(point).ifPresent(place -> addAreas(areas, place));
		return new Found(typed, label, point.latitude(), point.longitude(), areas, notice, match);
	}

	private static boolean same(Place a, Place b) {
		return Distance.miles(a.latitude(), a.longitude(), b.latitude(), b.longitude()) < SAME_PLACE_MILES;
	}

	private static void addAreas(Set<String> areas, Place place) {
		for (String name : new String[] { place.name(), place.district(), place.county() }) {
			if (name != null && !name.isBlank()) {
				areas.add(name.strip().toLowerCase(Locale.UK));
			}
		}
	}

	private static String key(String name) {
		return name == null ? "" : Postcodes.placeKey(name);
	}

}
