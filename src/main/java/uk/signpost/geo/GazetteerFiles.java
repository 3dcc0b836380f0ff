package uk.signpost.geo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the official open files a council already has: postcodes from the ONS Postcode
 * Directory or the National Statistics Postcode Lookup (columns found by name, old and
 * new spellings) or OS Code-Point Open (eastings and northings), and place names from OS
 * Open Names. Every file is read through and checked before anything is written, so a
 * wrong or broken file changes nothing.
 */
@Component
public class GazetteerFiles {

	private static final int BATCH = 5000;

	private static final List<String> POSTCODE_COLUMNS = List.of("pcds", "pcd", "pcd7", "pcd8", "postcode");

	/** OS Open Names local types that people type as a place to search near. */
	private static final List<String> SETTLEMENTS = List.of("City", "Town", "Village", "Hamlet", "Suburban Area",
			"Other Settlement");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Gazetteer gazetteer;

	GazetteerFiles(JdbcTemplate jdbc, TransactionTemplate transaction, Gazetteer gazetteer) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.gazetteer = gazetteer;
	}

	/** What one import did. */
	public record Report(int files, int rowsRead, int rowsKept, Map<String, Integer> bySource) {
	}

	/** A file that is not what it should be: says which file, which line and why. */
	public static class BadFile extends RuntimeException {

		BadFile(String message) {
			super(message);
		}

	}

	record PostcodeRow(String postcode, double latitude, double longitude, String source) {
	}

	record PlaceRow(String name, String kind, String district, String county, double latitude, double longitude) {
	}

	public Report importPostcodes(Path path) {
		List<Path> files = csvFiles(path);
		int[] read = new int[1];
		Map<String, Integer> kept = new java.util.TreeMap<>();
		// First pass: check everything.
		for (Path file : files) {
			readPostcodes(file, row -> kept.merge(row.source(), 1, Integer::sum), read);
		}
		for (Path file : files) {
			List<PostcodeRow> batch = new ArrayList<>(BATCH);
			int[] fileRead = new int[1];
			int[] fileKept = new int[1];
			String[] source = new String[1];
			readPostcodes(file, row -> {
				batch.add(row);
				fileKept[0]++;
				source[0] = row.source();
				if (batch.size() == BATCH) {
					writePostcodes(batch);
				}
			}, fileRead);
			writePostcodes(batch);
			this.gazetteer.recordImport(source[0] == null ? "postcodes" : source[0], file.toString(), fileRead[0],
					fileKept[0]);
		}
		this.transaction.executeWithoutResult(status -> this.gazetteer.refreshOutwardCodes());
		return new Report(files.size(), read[0], kept.values().stream().mapToInt(Integer::intValue).sum(), kept);
	}

	public Report importPlaces(Path path) {
		List<Path> files = csvFiles(path);
		int[] read = new int[1];
		int[] kept = new int[1];
		for (Path file : files) {
			readPlaces(file, row -> kept[0]++, read);
		}
		for (Path file : files) {
			List<PlaceRow> rows = new ArrayList<>();
			int[] fileRead = new int[1];
			readPlaces(file, rows::add, fileRead);
			this.transaction.executeWithoutResult(status -> {
				this.jdbc.update("DELETE FROM place WHERE source = ?", "os-open-names:" + file.getFileName());
				this.jdbc.batchUpdate(
						"INSERT INTO place (name, name_key, kind, district, county, latitude, longitude, source) "
								+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
						rows.stream()
							.map(r -> new Object[] { r.name(), Postcodes.placeKey(r.name()), r.kind(), r.district(),
									r.county(), r.latitude(), r.longitude(), "os-open-names:" + file.getFileName() })
							.toList());
			});
			this.gazetteer.recordImport("os-open-names", file.toString(), fileRead[0], rows.size());
		}
		return new Report(files.size(), read[0], kept[0], Map.of("os-open-names", kept[0]));
	}

	private void writePostcodes(List<PostcodeRow> batch) {
		if (batch.isEmpty()) {
			return;
		}
		List<Object[]> args = batch.stream()
			.map(r -> new Object[] { r.postcode(), Postcodes.outward(r.postcode()), r.latitude(), r.longitude(),
					r.source() })
			.toList();
		this.transaction.executeWithoutResult(status -> this.jdbc
			.batchUpdate("MERGE INTO postcode t USING (VALUES (CAST(? AS VARCHAR(8)), CAST(? AS VARCHAR(4)), "
					+ "CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR(20)))) "
					+ "AS s (postcode, outward, latitude, longitude, source) ON t.postcode = s.postcode "
					+ "WHEN MATCHED THEN UPDATE SET outward = s.outward, latitude = s.latitude, "
					+ "longitude = s.longitude, source = s.source WHEN NOT MATCHED THEN INSERT "
					+ "(postcode, outward, latitude, longitude, source) VALUES (s.postcode, s.outward, s.latitude, "
					+ "s.longitude, s.source)", args));
		batch.clear();
	}

	private static void readPostcodes(Path file, Consumer<PostcodeRow> rows, int[] read) {
		String name = file.getFileName().toString();
		try (CSVParser parser = parse(file)) {
			var records = parser.iterator();
			if (!records.hasNext()) {
				throw new BadFile(name + " is empty");
			}
			CSVRecord first = records.next();
			List<String> header = first.stream().map(c -> c.strip().toLowerCase(Locale.UK)).toList();
			int postcode = POSTCODE_COLUMNS.stream()
				.mapToInt(header::indexOf)
				.filter(i -> i >= 0)
				.findFirst()
				.orElse(-1);
			if (postcode >= 0 && header.contains("lat") && header.contains("long")) {
				// ONSPD, NSPL, or an extract of either with its header.
				int latitude = header.indexOf("lat");
				int longitude = header.indexOf("long");
				int terminated = header.indexOf("doterm");
				String source = header.contains("oseast1m") ? "onspd" : "nspl";
				while (records.hasNext()) {
					CSVRecord record = records.next();
					read[0]++;
					if (record.size() <= Math.max(postcode, Math.max(latitude, longitude))) {
						throw bad(name, record, "has " + record.size() + " columns, the header has " + header.size());
					}
					if (terminated >= 0 && terminated < record.size() && !record.get(terminated).isBlank()) {
						continue;
					}
					String lat = record.get(latitude).strip();
					String lon = record.get(longitude).strip();
					if (lat.isEmpty() || lon.isEmpty() || lat.startsWith("99.9")) {
						// No grid reference (ONS writes 99.999999 / 0.000000).
						continue;
					}
					String code = Postcodes.compact(record.get(postcode));
					if (!Postcodes.isFull(code)) {
						throw bad(name, record, "\"" + record.get(postcode) + "\" is not a postcode");
					}
					rows.accept(new PostcodeRow(code, number(name, record, lat), number(name, record, lon), source));
				}
				return;
			}
			if (first.size() >= 4 && Postcodes.isFull(first.get(0)) && isInteger(first.get(2))
					&& isInteger(first.get(3))) {
				// Code-Point Open: no header; postcode, quality, eastings, northings, ...
				BritishNationalGrid grid = new BritishNationalGrid();
				CSVRecord record = first;
				while (record != null) {
					read[0]++;
					if (record.size() < 4 || !Postcodes.isFull(record.get(0))) {
						throw bad(name, record,
								"is not a Code-Point Open row (postcode, quality, eastings, northings)");
					}
					double easting = number(name, record, record.get(2));
					double northing = number(name, record, record.get(3));
					// Quality 90 means no coordinates; 0,0 likewise.
					if (!record.get(1).strip().equals("90") && (easting != 0 || northing != 0)) {
						double[] point = grid.toWgs84(easting, northing);
						rows.accept(new PostcodeRow(Postcodes.compact(record.get(0)), point[0], point[1], "codepoint"));
					}
					record = records.hasNext() ? records.next() : null;
				}
				return;
			}
			throw new BadFile(name + " is not a postcode file Signpost knows: expected the ONS Postcode Directory or "
					+ "National Statistics Postcode Lookup (a header with pcd or pcds, lat and long) or OS Code-Point "
					+ "Open (postcode, quality, eastings, northings)");
		}
		catch (IOException | UncheckedIOException ex) {
			throw new BadFile("Could not read " + file + ": " + ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new BadFile(name + " is not valid CSV: " + ex.getMessage());
		}
	}

	private static void readPlaces(Path file, Consumer<PlaceRow> rows, int[] read) {
		String name = file.getFileName().toString();
		try (CSVParser parser = parse(file)) {
			BritishNationalGrid grid = new BritishNationalGrid();
			for (CSVRecord record : parser) {
				read[0]++;
				if (record.size() < 25) {
					throw bad(name, record, "has " + record.size()
							+ " columns; OS Open Names has 34 (ID, NAMES_URI, NAME1, ..., COUNTY_UNITARY, ...)");
				}
				if (!record.get(6).equals("populatedPlace") || !SETTLEMENTS.contains(record.get(7))) {
					continue;
				}
				double[] point = grid.toWgs84(number(name, record, record.get(8)), number(name, record, record.get(9)));
				String district = blankToNull(record.get(21));
				String county = blankToNull(record.get(24));
				rows.accept(new PlaceRow(record.get(2), record.get(7), district, county, point[0], point[1]));
				if (!record.get(4).isBlank()) {
					rows.accept(new PlaceRow(record.get(4), record.get(7), district, county, point[0], point[1]));
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new BadFile("Could not read " + file + ": " + ex.getMessage());
		}
		catch (IllegalStateException ex) {
			throw new BadFile(name + " is not valid CSV: " + ex.getMessage());
		}
	}

	private static CSVParser parse(Path file) throws IOException {
		Reader reader = new java.io.InputStreamReader(
				BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(), StandardCharsets.UTF_8);
		return CSVFormat.DEFAULT.builder().get().parse(reader);
	}

	private static List<Path> csvFiles(Path path) {
		if (Files.isRegularFile(path)) {
			return List.of(path);
		}
		if (!Files.isDirectory(path)) {
			throw new BadFile(path + " is not a file or folder");
		}
		try (Stream<Path> walk = Files.walk(path)) {
			List<Path> files = walk.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().toLowerCase(Locale.UK).endsWith(".csv"))
				.sorted()
				.toList();
			if (files.isEmpty()) {
				throw new BadFile(path + " has no .csv files");
			}
			return files;
		}
		catch (IOException ex) {
			throw new BadFile("Could not read " + path + ": " + ex.getMessage());
		}
	}

	private static double number(String file, CSVRecord record, String text) {
		try {
			return Double.parseDouble(text.strip());
		}
		catch (NumberFormatException ex) {
			throw bad(file, record, "\"" + text + "\" is not a number");
		}
	}

	private static boolean isInteger(String text) {
		return text.strip().matches("-?\\d+");
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static BadFile bad(String file, CSVRecord record, String reason) {
		return new BadFile(file + " line " + record.getRecordNumber() + ": " + reason);
	}

}
