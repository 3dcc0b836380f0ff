package uk.signpost.geo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.signpost.directory.DirectoryChanged;

/**
 * Postcodes, outward codes and place names with their coordinates. The directory's own
 * locations fill the database's tables (source "directory"); official files imported by
 * {@link GazetteerFiles} take precedence there where both know a postcode. What the
 * database does not know, the tables shipped in the jar ({@link ShippedGazetteer})
 * answer: every GB postcode, outward code and town.
 */
@Component
public class Gazetteer {

	static final String DIRECTORY = "directory";

	private static final Logger log = LoggerFactory.getLogger(Gazetteer.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ShippedGazetteer shipped;

	Gazetteer(JdbcTemplate jdbc, TransactionTemplate transaction, ShippedGazetteer shipped) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.shipped = shipped;
	}

	static final String ONS = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0";

	static final String OS = "Contains OS data © Crown copyright and database right";

	static final String ROYAL_MAIL = "Contains Royal Mail data © Royal Mail copyright and database right";

	/**
	 * The attribution the licences of the shipped tables and of the official postcode and
	 * place files imported require (SOURCES of each), for every page's footer. A line
	 * another one begins with ("... database right" before "... database right 2025") is
	 * said by that one.
	 */
	public Set<String> attribution() {
		Set<String> lines = new LinkedHashSet<>(this.shipped.attribution());
		for (String source : this.jdbc.queryForList("SELECT DISTINCT source FROM gazetteer_import", String.class)) {
			switch (source) {
				case "onspd", "nspl" -> {
					lines.add(OS);
					lines.add(ROYAL_MAIL);
					lines.add(ONS);
				}
				case "codepoint" -> {
					lines.add(OS);
					lines.add(ROYAL_MAIL);
				}
				case "os-open-names" -> lines.add(OS);
				default -> {
				}
			}
		}
		lines.removeIf(
				line -> lines.stream().anyMatch(other -> other.length() > line.length() && other.startsWith(line)));
		return lines;
	}

	public record Point(double latitude, double longitude) {
	}

	public Optional<Point> postcode(String postcode) {
		String compact = Postcodes.compact(postcode);
		return this.jdbc
			.query("SELECT latitude, longitude FROM postcode WHERE postcode = ?",
					(rs, i) -> new Point(rs.getDouble(1), rs.getDouble(2)), compact)
			.stream()
			.findFirst()
			.or(() -> this.shipped.postcode(compact));
	}

	public Optional<Point> outward(String outward) {
		String compact = Postcodes.compact(outward);
		return this.jdbc
			.query("SELECT latitude, longitude FROM outward_code WHERE outward = ?",
					(rs, i) -> new Point(rs.getDouble(1), rs.getDouble(2)), compact)
			.stream()
			.findFirst()
			.or(() -> this.shipped.outward(compact));
	}

	/**
	 * Places of this name that the directory and imported files know (PlaceFinder turns
	 * to the shipped ones when there are none).
	 */
	public List<Place> places(String name) {
		return this.jdbc.query(
				"SELECT name, kind, district, county, latitude, longitude, source FROM place WHERE name_key = ? "
						+ "ORDER BY CASE WHEN source = 'directory' THEN 1 ELSE 0 END, id",
				(rs, i) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getDouble(5), rs.getDouble(6), rs.getString(7)),
				Postcodes.placeKey(name));
	}

	/**
	 * The outward code around a point ("PR1"), for "Use my location": the area, never the
	 * point, goes into a search's address. Empty out at sea or outside GB.
	 */
	public Optional<String> nearestOutward(Point point) {
		return this.shipped.nearestOutward(point);
	}

	/**
	 * The nearest named place within about 10 km, to say which areas a point is in: one
	 * the directory or an imported file knows, or else a shipped one.
	 */
	public Optional<Place> nearestPlace(Point point) {
		double box = 0.1;
		Optional<Place> known = this.jdbc
			.query("SELECT name, kind, district, county, latitude, longitude, source FROM place "
					+ "WHERE latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?",
					(rs, i) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getDouble(5), rs.getDouble(6), rs.getString(7)),
					point.latitude() - box, point.latitude() + box, point.longitude() - box * 1.7,
					point.longitude() + box * 1.7)
			.stream()
			.min(Comparator.comparingDouble(
					p -> Distance.miles(point.latitude(), point.longitude(), p.latitude(), p.longitude())));
		return known.isPresent() ? known : this.shipped.nearestPlace(point, box);
	}

	/**
	 * Place names are looked up by a key that has changed (apostrophes and "Saint" are
	 * now ignored): rows written before get today's key, once.
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	public void rekeyPlaces() {
		List<Object[]> stale = new ArrayList<>();
		this.jdbc.query("SELECT id, name, name_key FROM place", rs -> {
			String key = Postcodes.placeKey(rs.getString(2));
			if (!key.equals(rs.getString(3))) {
				stale.add(new Object[] { key, rs.getLong(1) });
			}
		});
		if (!stale.isEmpty()) {
			this.jdbc.batchUpdate("UPDATE place SET name_key = ? WHERE id = ?", stale);
			log.info("Gazetteer: {} place names keyed again", stale.size());
		}
	}

	/** After every import: postcodes and towns from the directory's own addresses. */
	@EventListener
	@Order(0)
	public void onImport(DirectoryChanged change) {
		refreshFromDirectory();
	}

	public void refreshFromDirectory() {
		Map<String, double[]> postcodes = new HashMap<>();
		Map<String, double[]> towns = new HashMap<>();
		Map<String, String[]> townNames = new HashMap<>();
		this.jdbc.query("SELECT a.postal_code, a.city, a.state_province, l.latitude, l.longitude FROM address a "
				+ "JOIN location l ON l.id = a.location_id WHERE l.latitude IS NOT NULL AND l.longitude IS NOT NULL "
				+ "AND l.withdrawn_at IS NULL", rs -> {
					double latitude = rs.getDouble(4);
					double longitude = rs.getDouble(5);
					String postcode = Postcodes.compact(rs.getString(1));
					if (Postcodes.isFull(postcode)) {
						add(postcodes, postcode, latitude, longitude);
					}
					String city = rs.getString(2);
					if (city != null && !city.isBlank()) {
						String key = Postcodes.placeKey(city) + "|"
								+ (rs.getString(3) == null ? "" : rs.getString(3).strip());
						add(towns, key, latitude, longitude);
						townNames.putIfAbsent(key, new String[] { city.strip(), rs.getString(3) });
					}
				});
		List<Object[]> postcodeRows = new ArrayList<>();
		postcodes.forEach((postcode, sum) -> postcodeRows
			.add(new Object[] { postcode, Postcodes.outward(postcode), sum[0] / sum[2], sum[1] / sum[2] }));
		List<Object[]> placeRows = new ArrayList<>();
		towns.forEach((key, sum) -> {
			String[] name = townNames.get(key);
			placeRows
				.add(new Object[] { name[0], Postcodes.placeKey(name[0]), name[1], sum[0] / sum[2], sum[1] / sum[2] });
		});
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.update("DELETE FROM postcode WHERE source = 'directory'");
			this.jdbc.batchUpdate("INSERT INTO postcode (postcode, outward, latitude, longitude, source) "
					+ "SELECT ?, ?, ?, ?, 'directory' WHERE NOT EXISTS (SELECT 1 FROM postcode WHERE postcode = ?)",
					postcodeRows.stream().map(r -> new Object[] { r[0], r[1], r[2], r[3], r[0] }).toList());
			this.jdbc.update("DELETE FROM place WHERE source = 'directory'");
			this.jdbc.batchUpdate("INSERT INTO place (name, name_key, kind, county, latitude, longitude, source) "
					+ "VALUES (?, ?, 'Town', ?, ?, ?, 'directory')", placeRows);
			refreshOutwardCodes();
		});
		log.info("Gazetteer: {} postcodes and {} towns from the directory", postcodeRows.size(), placeRows.size());
	}

	/** Outward-code centres, from every postcode known. */
	void refreshOutwardCodes() {
		this.jdbc.update("DELETE FROM outward_code");
		this.jdbc.update("INSERT INTO outward_code (outward, latitude, longitude, postcodes) "
				+ "SELECT outward, AVG(latitude), AVG(longitude), COUNT(*) FROM postcode GROUP BY outward");
	}

	void recordImport(String source, String file, int read, int kept) {
		this.jdbc.update(
				"INSERT INTO gazetteer_import (source, file, rows_read, rows_kept, imported_at) VALUES (?, ?, ?, ?, ?)",
				source, file, read, kept, Instant.now().atOffset(ZoneOffset.UTC));
	}

	private static void add(Map<String, double[]> sums, String key, double latitude, double longitude) {
		double[] sum = sums.computeIfAbsent(key, k -> new double[3]);
		sum[0] += latitude;
		sum[1] += longitude;
		sum[2]++;
	}

}
