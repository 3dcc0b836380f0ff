package uk.signpost.geo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the postcode, outward-code and place tables Signpost ships
 * (src/main/resources/geo) from the official open files: the National Statistics Postcode
 * Lookup's postcodes with latitude and longitude (one CSV a postcode area, OGL) and
 * GeoNames' GB postal file (outward codes with their place names, CC BY 4.0), as laid out
 * in ../shared/geo. Run by
 * {@code java -jar target/signpost.jar geo-tables ../shared/geo}. The output depends only
 * on the input: the same files give the same bytes, which the shared-profile test checks.
 */
public final class GeoTables {

	static final String POSTCODES = "postcodes.bin";

	static final String OUTWARD_CODES = "outcodes.tsv";

	static final String PLACES = "places.tsv";

	static final String ATTRIBUTION = "attribution.txt";

	/**
	 * What the licences of the files read ask every page using them to say (SOURCES.md).
	 * The NSPL lines carry the release's year: change it with the release.
	 */
	static final List<String> ATTRIBUTION_LINES = List.of("Contains OS data © Crown copyright and database right 2025",
			"Contains Royal Mail data © Royal Mail copyright and database right 2025",
			"Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
			"Postcode and place data © GeoNames (www.geonames.org), CC BY 4.0",
			"Contains Royal Mail data © Royal Mail copyright and database right");

	/**
	 * Postcode areas left out: Northern Ireland's postcodes are not open data (its
	 * outward codes come from GeoNames instead), and the Channel Islands and the Isle of
	 * Man are outside the UK and have no points in NSPL.
	 */
	private static final Set<String> NOT_SHIPPED = Set.of("BT", "GY", "JE", "IM");

	private static final Set<String> GEONAMES_ONLY = Set.of("BT");

	/** Rows of one name and county closer than this are one place. */
	private static final double SAME_PLACE_KM = 8;

	/** Words that join a place's name to what it is on or by: "Poulton-le-Fylde". */
	private static final Set<String> CONNECTORS = Set.of("le", "la", "les", "en", "on", "upon", "under", "in", "by",
			"super", "sub", "cum", "next", "juxta", "over", "at");

	private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^)]*\\)");

	private static final Set<String> SAINTS = Set.of("st", "st.", "saint");

	private GeoTables() {
	}

	/** What was written, for the command to print. */
	public record Summary(int postcodes, int outwardCodes, int places, int skipped, Map<String, Long> bytes) {
	}

	private record Outward(String code, double latitude, double longitude, int postcodes, String source) {
	}

	/** One row of GeoNames: a place name in one outward code. */
	private record Row(String outward, String name, String county, double latitude, double longitude) {
	}

	/** A place made of one or more rows: its name, where it is, and how big. */
	private static final class Town {

		final String name;

		final String key;

		final String county;

		final List<Row> rows = new ArrayList<>();

		final List<Double> shares = new ArrayList<>();

		String district;

		String kind = "Place";

		final Set<String> aliases = new java.util.TreeSet<>();

		double latitude;

		double longitude;

		double weight;

		Town(String name, String key, String county) {
			this.name = name;
			this.key = key;
			this.county = county;
		}

		void add(Row row, double share) {
			this.rows.add(row);
			this.shares.add(share);
		}

		void settle() {
			double lat = 0;
			double lon = 0;
			double total = 0;
			for (int i = 0; i < this.rows.size(); i++) {
				// Weighted by share, but no row counts for nothing.
				double w = Math.max(this.shares.get(i), 1e-3);
				lat += this.rows.get(i).latitude() * w;
				lon += this.rows.get(i).longitude() * w;
				total += w;
				this.weight += this.shares.get(i);
			}
			this.latitude = lat / total;
			this.longitude = lon / total;
			// A post town is named in several outward codes, a suburb or village in one.
			this.weight *= this.rows.stream().map(Row::outward).distinct().count();
		}

		/**
		 * The size signal: the geometric mean of the outward-code weight and the
		 * postcodes around the place's point. The first tells a post town from a suburb
		 * of the same density (Preston, Lancashire from Preston, Brighton), the second a
		 * town from a village in a large outward code (Poulton-le-Fylde from Poulton,
		 * Gloucestershire).
		 */
		void size(Density density) {
			this.weight = Math.sqrt(this.weight * density.around(this.latitude, this.longitude));
		}

		String heaviestOutward() {
			int best = 0;
			for (int i = 1; i < this.rows.size(); i++) {
				if (this.shares.get(i) > this.shares.get(best)) {
					best = i;
				}
			}
			return this.rows.get(best).outward();
		}

	}

	public static Summary write(Path shared, Path out) throws IOException {
		Path nspl = shared.resolve("nspl-postcodes-latlong");
		Path geonames = shared.resolve("geonames-postal-gb/GB.txt");
		if (!Files.isDirectory(nspl) || !Files.isRegularFile(geonames)) {
			throw new IOException(shared + " should hold nspl-postcodes-latlong/ and geonames-postal-gb/GB.txt "
					+ "(see docs/adr/0011-shipped-places.md)");
		}
		Files.createDirectories(out);
		int[] skipped = new int[1];
		TreeMap<String, PackedPostcodes.Entry> postcodes = readNspl(nspl, skipped);
		List<PackedPostcodes.Entry> sorted = new ArrayList<>(postcodes.values());
		sorted.sort(Comparator.comparing((PackedPostcodes.Entry e) -> Postcodes.outward(e.postcode()))
			.thenComparingInt(e -> PackedPostcodes.inwardNumber(e.postcode().substring(e.postcode().length() - 3))));
		try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out.resolve(POSTCODES)))) {
			PackedPostcodes.write(sorted, file);
		}
		List<Row> rows = readGeoNames(geonames);
		Map<String, Outward> outwards = outwardCodes(sorted, rows);
		try (Writer file = Files.newBufferedWriter(out.resolve(OUTWARD_CODES), StandardCharsets.UTF_8)) {
			file.write("# outward\tlatitude\tlongitude\tpostcodes\tsource\n");
			for (Outward o : outwards.values()) {
				file.write(String.join("\t", o.code(), degrees(o.latitude()), degrees(o.longitude()),
						String.valueOf(o.postcodes()), o.source()) + "\n");
			}
		}
		List<Town> towns = towns(rows, outwards, new Density(sorted));
		try (Writer file = Files.newBufferedWriter(out.resolve(PLACES), StandardCharsets.UTF_8)) {
			file.write("# name\tkind\tdistrict\tcounty\tlatitude\tlongitude\tweight\talso called\n");
			for (Town t : towns) {
				file.write(String.join("\t", t.name, t.kind, blank(t.district), blank(t.county), degrees(t.latitude),
						degrees(t.longitude), String.valueOf(Math.max(1, Math.round(t.weight))),
						String.join(";", t.aliases)) + "\n");
			}
		}
		Files.write(out.resolve(ATTRIBUTION), ATTRIBUTION_LINES, StandardCharsets.UTF_8);
		Map<String, Long> bytes = new LinkedHashMap<>();
		for (String name : List.of(POSTCODES, OUTWARD_CODES, PLACES, ATTRIBUTION)) {
			bytes.put(name, Files.size(out.resolve(name)));
		}
		return new Summary(sorted.size(), outwards.size(), towns.size(), skipped[0], bytes);
	}

	/** Postcodes with a point, areas not shipped left out; a repeated postcode once. */
	private static TreeMap<String, PackedPostcodes.Entry> readNspl(Path folder, int[] skipped) throws IOException {
		TreeMap<String, PackedPostcodes.Entry> postcodes = new TreeMap<>();
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
		}
		for (Path file : files) {
			try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				String header = reader.readLine();
				if (header == null || !header.strip().equalsIgnoreCase("Postcode,lat,long")) {
					throw new IOException(file + " does not start with Postcode,lat,long");
				}
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					String[] cells = line.split(",", -1);
					String postcode = Postcodes.compact(cells[0]);
					if (cells.length < 3 || cells[1].isBlank() || !Postcodes.isFull(postcode)
							|| NOT_SHIPPED.contains(area(postcode))) {
						// No point (the Channel Islands and Isle of Man have none).
						skipped[0]++;
						continue;
					}
					postcodes.putIfAbsent(postcode, new PackedPostcodes.Entry(postcode,
							Double.parseDouble(cells[1].strip()), Double.parseDouble(cells[2].strip())));
				}
			}
		}
		return postcodes;
	}

	private static List<Row> readGeoNames(Path file) throws IOException {
		List<Row> rows = new ArrayList<>();
		// In file order, which is the same every run.
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String[] cells = line.split("\t", -1);
			if (cells.length < 11 || cells[9].isBlank()) {
				continue;
			}
			String outward = Postcodes.compact(cells[1]);
			if (!Postcodes.isOutward(outward)
					|| (NOT_SHIPPED.contains(area(outward)) && !GEONAMES_ONLY.contains(area(outward)))) {
				continue;
			}
			// "Newcastle upon Tyne (PO Boxes)" is Newcastle upon Tyne.
			String name = PARENTHESES.matcher(cells[2]).replaceAll("").strip();
			rows.add(new Row(outward, name, cells[5].isBlank() ? null : cells[5].strip(), Double.parseDouble(cells[9]),
					Double.parseDouble(cells[10])));
		}
		return rows;
	}

	/**
	 * Each outward code's centre: the mean of its NSPL postcodes, or where NSPL has none
	 * (Northern Ireland) the mean of GeoNames' points for it.
	 */
	private static Map<String, Outward> outwardCodes(List<PackedPostcodes.Entry> postcodes, List<Row> rows) {
		Map<String, double[]> sums = new TreeMap<>();
		for (PackedPostcodes.Entry e : postcodes) {
			add(sums, Postcodes.outward(e.postcode()), e.latitude(), e.longitude());
		}
		Map<String, double[]> fromGeoNames = new TreeMap<>();
		for (Row row : rows) {
			if (!sums.containsKey(row.outward())) {
				add(fromGeoNames, row.outward(), row.latitude(), row.longitude());
			}
		}
		Map<String, Outward> outwards = new TreeMap<>();
		sums.forEach((code, s) -> outwards.put(code, new Outward(code, s[0] / s[2], s[1] / s[2], (int) s[2], "nspl")));
		fromGeoNames
			.forEach((code, s) -> outwards.put(code, new Outward(code, s[0] / s[2], s[1] / s[2], 0, "geonames")));
		return outwards;
	}

	/**
	 * Places from GeoNames' rows. A place's weight is the postcodes of each outward code
	 * it is named in, shared among the places named there: Preston, Lancashire (PR0, PR1,
	 * PR11, ...) outweighs the Preston in Dorset, so "Preston" alone means the first.
	 */
	private static List<Town> towns(List<Row> rows, Map<String, Outward> outwards, Density density) {
		Map<String, Integer> placesIn = new HashMap<>();
		rows.forEach(r -> placesIn.merge(r.outward(), 1, Integer::sum));
		double typical = outwards.values()
			.stream()
			.filter(o -> o.postcodes() > 0)
			.mapToInt(Outward::postcodes)
			.average()
			.orElse(1);
		// By name, then rows of that name near each other (a row near two places joins
		// them): Newport's NP10, NP11, NP18, NP19 and NP20 are one town.
		Map<String, List<List<Row>>> byName = new TreeMap<>();
		Map<Row, Double> shares = new HashMap<>();
		for (Row row : rows) {
			Outward outward = outwards.get(row.outward());
			int postcodes = outward == null || outward.postcodes() == 0 ? (int) typical : outward.postcodes();
			shares.put(row, (double) postcodes / placesIn.get(row.outward()));
			List<List<Row>> clusters = byName.computeIfAbsent(Postcodes.placeKey(row.name()), k -> new ArrayList<>());
			List<Row> joined = new ArrayList<>(List.of(row));
			clusters.removeIf(cluster -> {
				boolean near = cluster.stream().anyMatch(r -> km(r, row.latitude(), row.longitude()) < SAME_PLACE_KM);
				if (near) {
					joined.addAll(cluster);
				}
				return near;
			});
			clusters.add(joined);
		}
		Map<String, List<Town>> byNameAndCounty = new TreeMap<>();
		byName.forEach((key, clusters) -> {
			for (List<Row> cluster : clusters) {
				cluster.sort(Comparator.comparingDouble((Row r) -> shares.get(r))
					.reversed()
					.thenComparing(Row::outward)
					.thenComparing(Row::name));
				String county = cluster.stream().map(Row::county).filter(c -> c != null).findFirst().orElse(null);
				Town town = new Town(cluster.get(0).name(), key, county);
				cluster.forEach(r -> town.add(r, shares.get(r)));
				// Grouped by the label they would have: "Newport" (in Newport) and
				// "Newport" (no county) need telling apart too.
				String in = county == null || Postcodes.placeKey(county).equals(key) ? "" : county;
				byNameAndCounty.computeIfAbsent(key + "|" + in, k -> new ArrayList<>()).add(town);
			}
		});
		List<Town> towns = new ArrayList<>();
		byNameAndCounty.values().forEach(towns::addAll);
		towns.forEach(Town::settle);
		towns.forEach(t -> t.size(density));
		distinguish(byNameAndCounty, rows);
		towns.addAll(counties(towns));
		alsoCalled(towns);
		towns.sort(Comparator.comparing((Town t) -> t.key)
			.thenComparing(t -> blank(t.county))
			.thenComparing(Comparator.comparingDouble((Town t) -> t.weight).reversed())
			.thenComparingDouble(t -> t.latitude));
		return towns;
	}

	/**
	 * Two places of one name in one county (Preston near Faversham and Preston near
	 * Hoath, both in Kent) need more than "Preston, Kent" to be told apart. The biggest
	 * keeps that label; each other one adds the biggest other place named in its main
	 * outward code, or failing that the outward code: "Preston, Hoath, Kent".
	 */
	private static void distinguish(Map<String, List<Town>> byNameAndCounty, List<Row> rows) {
		Map<Row, Double> weights = new HashMap<>();
		byNameAndCounty.values().forEach(same -> same.forEach(t -> t.rows.forEach(r -> weights.put(r, t.weight))));
		Map<String, List<Row>> byOutward = new HashMap<>();
		rows.forEach(r -> byOutward.computeIfAbsent(r.outward(), k -> new ArrayList<>()).add(r));
		for (List<Town> same : byNameAndCounty.values()) {
			same.sort(Comparator.comparingDouble((Town t) -> t.weight).reversed());
			Set<String> used = new HashSet<>();
			for (Town town : same.subList(Math.min(1, same.size()), same.size())) {
				String outward = town.heaviestOutward();
				String other = byOutward.get(outward)
					.stream()
					.filter(r -> !Postcodes.placeKey(r.name()).equals(town.key))
					.max(Comparator.comparingDouble(weights::get))
					.map(Row::name)
					.orElse(outward);
				town.district = used.add(other) ? other : outward;
			}
		}
	}

	/** Postcodes in cells of about 2 km, to count those around a point. */
	private static final class Density {

		private static final double LATITUDE_CELL = 0.02;

		private static final double LONGITUDE_CELL = 0.033;

		private final Map<Long, Integer> cells = new HashMap<>();

		Density(List<PackedPostcodes.Entry> postcodes) {
			postcodes.forEach(e -> this.cells.merge(cell(row(e.latitude()), column(e.longitude())), 1, Integer::sum));
		}

		/** Postcodes in the point's cell and the eight around it: about 6 km by 6 km. */
		int around(double latitude, double longitude) {
			int count = 0;
			for (int i = -1; i <= 1; i++) {
				for (int j = -1; j <= 1; j++) {
					count += this.cells.getOrDefault(cell(row(latitude) + i, column(longitude) + j), 0);
				}
			}
			// An island village with no postcodes near still counts for something.
			return Math.max(count, 1);
		}

		private static long row(double latitude) {
			return Math.round(latitude / LATITUDE_CELL);
		}

		private static long column(double longitude) {
			return Math.round(longitude / LONGITUDE_CELL);
		}

		private static long cell(long row, long column) {
			return row * 100_000 + column;
		}

	}

	/**
	 * Counties (GeoNames' second level: "Lancashire", "Highland"), at the middle of their
	 * places by weight, unless a place has the county's name ("Durham", "Cardiff").
	 */
	private static List<Town> counties(List<Town> towns) {
		Set<String> placeKeys = new HashSet<>();
		towns.forEach(t -> placeKeys.add(t.key));
		Map<String, double[]> sums = new TreeMap<>();
		for (Town t : towns) {
			if (t.county != null) {
				double[] s = sums.computeIfAbsent(t.county, k -> new double[3]);
				s[0] += t.latitude * t.weight;
				s[1] += t.longitude * t.weight;
				s[2] += t.weight;
			}
		}
		List<Town> counties = new ArrayList<>();
		sums.forEach((name, s) -> {
			if (!placeKeys.contains(Postcodes.placeKey(name)) && s[2] > 0) {
				Town county = new Town(name, Postcodes.placeKey(name), null);
				county.kind = "County";
				county.latitude = s[0] / s[2];
				county.longitude = s[1] / s[2];
				county.weight = s[2];
				counties.add(county);
			}
		});
		return counties;
	}

	/**
	 * The shorter names people use: "Poulton" for Poulton-le-Fylde, "Stoke" for
	 * Stoke-on-Trent, "Lytham" and "St Annes" for Lytham St Anne's. Not where a place of
	 * that name is already close by in the same county (Lytham is its own row).
	 */
	private static void alsoCalled(List<Town> towns) {
		Map<String, List<Town>> byKey = new HashMap<>();
		towns.forEach(t -> byKey.computeIfAbsent(t.key, k -> new ArrayList<>()).add(t));
		for (Town town : towns) {
			if (!town.kind.equals("Place")) {
				continue;
			}
			for (String alias : shorterNames(town.name)) {
				String key = Postcodes.placeKey(alias);
				boolean known = byKey.getOrDefault(key, List.of())
					.stream()
					.anyMatch(t -> java.util.Objects.equals(t.county, town.county)
							&& km(t.latitude, t.longitude, town.latitude, town.longitude) < SAME_PLACE_KM);
				if (!key.isEmpty() && !key.equals(town.key) && !known) {
					town.aliases.add(alias);
				}
			}
		}
	}

	static List<String> shorterNames(String name) {
		String[] words = name.split("[\\s-]+");
		List<String> names = new ArrayList<>();
		for (int i = 1; i < words.length; i++) {
			String word = words[i].toLowerCase(Locale.UK);
			if (CONNECTORS.contains(word)) {
				names.add(String.join(" ", List.of(words).subList(0, i)));
				break;
			}
			if (SAINTS.contains(word) && i < words.length - 1) {
				names.add(String.join(" ", List.of(words).subList(0, i)));
				names.add(String.join(" ", List.of(words).subList(i, words.length)));
				break;
			}
		}
		return names;
	}

	private static String area(String postcode) {
		int digit = 0;
		while (digit < postcode.length() && !Character.isDigit(postcode.charAt(digit))) {
			digit++;
		}
		return postcode.substring(0, digit);
	}

	private static void add(Map<String, double[]> sums, String key, double latitude, double longitude) {
		double[] s = sums.computeIfAbsent(key, k -> new double[3]);
		s[0] += latitude;
		s[1] += longitude;
		s[2]++;
	}

	private static double km(Row row, double latitude, double longitude) {
		return km(row.latitude(), row.longitude(), latitude, longitude);
	}

	private static double km(double lat1, double lon1, double lat2, double lon2) {
		return Distance.miles(lat1, lon1, lat2, lon2) * 1.609344;
	}

	private static String degrees(double value) {
		return String.format(Locale.ROOT, "%.5f", value);
	}

	private static String blank(String text) {
		return text == null ? "" : text;
	}

	/** For tests: each table's SHA-256, to tell whether two runs wrote the same bytes. */
	static Map<String, String> digests(Path folder) {
		Map<String, String> files = new TreeMap<>();
		for (String name : List.of(POSTCODES, OUTWARD_CODES, PLACES, ATTRIBUTION)) {
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(name)));
				files.put(name, HexFormat.of().formatHex(digest));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return files;
	}

}
