package uk.signpost.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import uk.signpost.geo.Gazetteer.Point;

/**
 * The postcode, outward-code and place tables in the jar (src/main/resources/geo, written
 * by {@link GeoTables}), so a fresh install knows every GB postcode and town without an
 * import. Read once at start into memory: about 9 MB of packed postcodes and a few MB of
 * places. {@link Gazetteer} asks the database first and these after.
 */
@Component
class ShippedGazetteer {

	static final String SOURCE = "geonames";

	private static final String FOLDER = "geo/";

	/**
	 * How much of its weight a place has under a shorter name (a square root of a half).
	 */
	private static final double ALIAS = 0.7;

	private static final Logger log = LoggerFactory.getLogger(ShippedGazetteer.class);

	/**
	 * A shipped place and how big it is (postcodes, shared among the places named in each
	 * outward code).
	 */
	record Ranked(Place place, long weight) {
	}

	private final PackedPostcodes postcodes;

	private final Map<String, Point> outwards;

	private final Map<String, List<Ranked>> places;

	/** Towns and villages (not counties) by latitude, for the nearest to a point. */
	private final Place[] byLatitude;

	private final double[] latitudes;

	private final List<String> attribution;

	ShippedGazetteer() {
		this(name -> ShippedGazetteer.class.getClassLoader().getResourceAsStream(FOLDER + name));
	}

	/** Reads the tables through open, which gives null for a table not there. */
	ShippedGazetteer(Function<String, InputStream> open) {
		long start = System.nanoTime();
		PackedPostcodes packed = PackedPostcodes.empty();
		Map<String, Point> outwards = new HashMap<>();
		Map<String, List<Ranked>> places = new HashMap<>();
		Map<String, String> names = new HashMap<>();
		List<String> attribution = new ArrayList<>();
		try {
			try (InputStream in = open.apply(GeoTables.POSTCODES)) {
				if (in != null) {
					packed = PackedPostcodes.read(in);
				}
			}
			lines(open, GeoTables.OUTWARD_CODES, cells -> outwards.put(cells[0],
					new Point(Double.parseDouble(cells[1]), Double.parseDouble(cells[2]))));
			lines(open, GeoTables.PLACES, cells -> {
				// Kinds, districts and counties repeat: one string each, not thousands.
				Place place = new Place(cells[0], shared(names, cells[1]), shared(names, cells[2]),
						shared(names, cells[3]), Double.parseDouble(cells[4]), Double.parseDouble(cells[5]), SOURCE);
				Ranked ranked = new Ranked(place, Long.parseLong(cells[6]));
				places.computeIfAbsent(Postcodes.placeKey(place.name()), k -> new ArrayList<>()).add(ranked);
				if (cells.length > 7 && !cells[7].isEmpty()) {
					// A shorter name is a weaker claim: "Bury" is Bury, Greater
					// Manchester
					// as much as Bury St Edmunds.
					Ranked shorter = new Ranked(place, Math.round(ranked.weight() * ALIAS));
					for (String alias : cells[7].split(";")) {
						places.computeIfAbsent(Postcodes.placeKey(alias), k -> new ArrayList<>()).add(shorter);
					}
				}
			});
			lines(open, GeoTables.ATTRIBUTION, cells -> attribution.add(cells[0]));
		}
		catch (IOException | RuntimeException ex) {
			// A broken table must not stop the site: it works as before, on what the
			// database knows.
			log.error("Could not read the shipped postcode and place tables; using only the database's", ex);
			packed = PackedPostcodes.empty();
			outwards.clear();
			places.clear();
			attribution.clear();
		}
		places.replaceAll((key, list) -> {
			list.sort(Comparator.comparingLong(Ranked::weight).reversed());
			return List.copyOf(list);
		});
		this.postcodes = packed;
		this.outwards = Map.copyOf(outwards);
		this.places = Map.copyOf(places);
		this.byLatitude = places.values()
			.stream()
			.flatMap(List::stream)
			.map(Ranked::place)
			.filter(p -> !"County".equals(p.kind()))
			.distinct()
			.sorted(Comparator.comparingDouble(Place::latitude))
			.toArray(Place[]::new);
		this.latitudes = Arrays.stream(this.byLatitude).mapToDouble(Place::latitude).toArray();
		this.attribution = List.copyOf(attribution);
		log.info("Shipped gazetteer: {} postcodes ({} KB), {} outward codes, {} place names in {} ms",
				this.postcodes.size(), this.postcodes.bytes() / 1024, this.outwards.size(), this.places.size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	Optional<Point> postcode(String compact) {
		return this.postcodes.find(compact);
	}

	Optional<Point> outward(String compact) {
		return Optional.ofNullable(this.outwards.get(compact));
	}

	/** Places of this name (or a shorter name people use for them), biggest first. */
	List<Ranked> places(String name) {
		return this.places.getOrDefault(Postcodes.placeKey(name), List.of());
	}

	Optional<Place> nearestPlace(Point point, double box) {
		int from = Arrays.binarySearch(this.latitudes, point.latitude() - box);
		Place nearest = null;
		double best = Double.MAX_VALUE;
		for (int i = from < 0 ? -from - 1 : from; i < this.byLatitude.length
				&& this.byLatitude[i].latitude() <= point.latitude() + box; i++) {
			Place place = this.byLatitude[i];
			if (Math.abs(place.longitude() - point.longitude()) <= box * 1.7) {
				double miles = Distance.miles(point.latitude(), point.longitude(), place.latitude(), place.longitude());
				if (miles < best) {
					best = miles;
					nearest = place;
				}
			}
		}
		return Optional.ofNullable(nearest);
	}

	/** The outward code whose centre is nearest the point, within about 20 miles. */
	Optional<String> nearestOutward(Point point) {
		String nearest = null;
		double best = 20;
		for (Map.Entry<String, Point> outward : this.outwards.entrySet()) {
			double miles = Distance.miles(point.latitude(), point.longitude(), outward.getValue().latitude(),
					outward.getValue().longitude());
			if (miles < best) {
				best = miles;
				nearest = outward.getKey();
			}
		}
		return Optional.ofNullable(nearest);
	}

	/** What the licences of the shipped tables require every page to say. */
	List<String> attribution() {
		return this.attribution;
	}

	int postcodeCount() {
		return this.postcodes.size();
	}

	private static void lines(Function<String, InputStream> open, String name,
			java.util.function.Consumer<String[]> row) throws IOException {
		try (InputStream in = open.apply(name)) {
			if (in == null) {
				log.warn("No shipped table {}{}", FOLDER, name);
				return;
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					row.accept(line.split("\t", -1));
				}
			}
		}
	}

	private static String shared(Map<String, String> names, String text) {
		return text.isEmpty() ? null : names.computeIfAbsent(text, t -> t);
	}

}
