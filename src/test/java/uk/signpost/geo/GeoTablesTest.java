package uk.signpost.geo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.signpost.geo.Gazetteer.Point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator of the shipped tables, on small files written here in the official
 * layouts (NSPL's postcode, lat, long; GeoNames' twelve tab-separated columns), and the
 * packed postcode format on its own. No Spring, no ../shared.
 */
class GeoTablesTest {

	@TempDir
	Path folder;

	@Test
	void packedPostcodesGiveBackEveryPointToATenThousandthOfADegree() throws IOException {
		List<PackedPostcodes.Entry> entries = List.of(new PackedPostcodes.Entry("M11AE", 53.48348, -2.23118),
				new PackedPostcodes.Entry("M11AF", 53.48348, -2.23118),
				new PackedPostcodes.Entry("M19ZZ", 53.47001, -2.2),
				new PackedPostcodes.Entry("PR12HE", 53.76135, -2.70738),
				new PackedPostcodes.Entry("SW1A1AA", 51.50101, -0.14156));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PackedPostcodes.write(entries, bytes);
		PackedPostcodes packed = PackedPostcodes.read(new ByteArrayInputStream(bytes.toByteArray()));
		assertThat(packed.size()).isEqualTo(5);
		for (PackedPostcodes.Entry entry : entries) {
			Point point = packed.find(entry.postcode()).orElseThrow();
			assertThat(point.latitude()).isCloseTo(entry.latitude(), within(0.00005));
			assertThat(point.longitude()).isCloseTo(entry.longitude(), within(0.00005));
		}
		assertThat(packed.find("M11AG")).isEmpty();
		assertThat(packed.find("PR12HF")).isEmpty();
		assertThat(packed.find("PR9")).isEmpty();
		assertThat(packed.find("ZZ99ZZ")).isEmpty();
	}

	@Test
	void writesTablesTheSiteReadsBackAndLeavesOutNorthernIrelandPostcodes() throws IOException {
		Path shared = this.folder.resolve("geo");
		Path nspl = Files.createDirectories(shared.resolve("nspl-postcodes-latlong"));
		Files.writeString(nspl.resolve("FY.csv"), """
				Postcode,lat,long
				FY6 7AA,53.84700,-2.99000
				FY6 7AB,53.84710,-2.99010
				FY6 7AD,53.84720,-2.99020
				FY6 7AE,53.84730,-2.99030
				FY8 1AA,53.75000,-3.02000
				FY8 5AA,53.73700,-2.96300
				""");
		Files.writeString(nspl.resolve("GL.csv"), """
				Postcode,lat,long
				GL7 5AA,51.70000,-1.85000
				""");
		Files.writeString(nspl.resolve("JE.csv"), """
				Postcode,lat,long
				JE2 4WD,,0.00000
				""");
		Files.createDirectories(shared.resolve("geonames-postal-gb"));
		Files.writeString(shared.resolve("geonames-postal-gb/GB.txt"),
				geoNames("FY6", "Poulton-le-Fylde", "Lancashire", 53.8333, -2.9833)
						+ geoNames("FY8", "Lytham St Anne's", "Lancashire", 53.7435, -2.9898)
						+ geoNames("FY8", "Lytham", "Lancashire", 53.737, -2.9629)
						+ geoNames("GL7", "Poulton", "Gloucestershire", 51.7, -1.85)
						+ geoNames("BT1", "Belfast", "Belfast", 54.5833, -5.9333)
						+ geoNames("JE2", "St Helier", "Jersey Channel Islands", 49.18, -2.1));
		Path out = this.folder.resolve("out");

		GeoTables.Summary summary = GeoTables.write(shared, out);

		assertThat(summary.postcodes()).isEqualTo(7);
		assertThat(summary.skipped()).isEqualTo(1);
		assertThat(summary.outwardCodes()).isEqualTo(4);
		ShippedGazetteer tables = new ShippedGazetteer(name -> open(out.resolve(name)));
		assertThat(tables.postcode("FY67AB").orElseThrow().latitude()).isCloseTo(53.8471, within(1e-9));
		assertThat(tables.outward("FY6").orElseThrow().latitude()).isCloseTo(53.84715, within(1e-9));
		// Northern Ireland: the outward code from GeoNames, no postcodes; not Jersey.
		assertThat(tables.outward("BT1")).isPresent();
		assertThat(tables.outward("JE2")).isEmpty();
		assertThat(tables.places("St Helier")).isEmpty();
		// Shorter names, the bigger place first (FY6 has four times GL7's postcodes);
		// Lytham is its own place, not an alias.
		assertThat(tables.places("Poulton")).extracting(r -> r.place().label())
			.containsExactly("Poulton-le-Fylde, Lancashire", "Poulton, Gloucestershire");
		assertThat(tables.places("saint annes")).extracting(r -> r.place().name()).containsExactly("Lytham St Anne's");
		assertThat(tables.places("Lytham")).extracting(r -> r.place().name()).containsExactly("Lytham");
		assertThat(tables.places("Lancashire")).extracting(r -> r.place().kind()).containsExactly("County");
		assertThat(tables.attribution()).contains("Postcode and place data © GeoNames (www.geonames.org), CC BY 4.0");

		// The same files give the same bytes.
		Path again = this.folder.resolve("again");
		GeoTables.write(shared, again);
		assertThat(GeoTables.digests(again)).isEqualTo(GeoTables.digests(out));
	}

	@Test
	void shorterNamesPeopleUse() {
		assertThat(GeoTables.shorterNames("Poulton-le-Fylde")).containsExactly("Poulton");
		assertThat(GeoTables.shorterNames("Newcastle upon Tyne")).containsExactly("Newcastle");
		assertThat(GeoTables.shorterNames("Lytham St Anne's")).containsExactly("Lytham", "St Anne's");
		assertThat(GeoTables.shorterNames("Wells-next-the-Sea")).containsExactly("Wells");
		assertThat(GeoTables.shorterNames("Preston")).isEmpty();
		assertThat(GeoTables.shorterNames("St Albans")).isEmpty();
	}

	private static String geoNames(String outward, String name, String county, double latitude, double longitude) {
		return String.join("\t", "GB", outward, name, "England", "ENG", county, "", "", "", String.valueOf(latitude),
				String.valueOf(longitude), "4") + "\n";
	}

	private static InputStream open(Path file) {
		try {
			return Files.exists(file) ? Files.newInputStream(file) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
