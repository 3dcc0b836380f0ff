package uk.signpost.geo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.geo.PlaceFinder.Found;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The real open postcode and place files in ../shared/geo, in their official formats.
 * Runs in the 'shared' Maven profile.
 */
@Tag("shared")
class OfficialGeoFilesTest extends GazetteerTest {

	static final Path GEO = Path.of(System.getProperty("signpost.shared-dir", "../shared"), "geo");

	@Autowired
	GazetteerFiles files;

	@Test
	void nationalStatisticsPostcodeLookup() {
		GazetteerFiles.Report report = this.files.importPostcodes(GEO.resolve("nspl-postcodes-latlong/PR.csv"));
		assertThat(report.rowsKept()).isGreaterThan(10_000);
		Found found = found("PR1 2HE");
		assertThat(found.latitude()).isCloseTo(53.76135, within(1e-6));
		assertThat(found.longitude()).isCloseTo(-2.70738, within(1e-6));
		assertThat(found("pr1").notice()).isNull();
	}

	@Test
	void onsPostcodeDirectorySkipsTerminatedAndUngriddedPostcodes() throws Exception {
		Path file = GEO.resolve("onspd-sample/postcode.csv");
		GazetteerFiles.Report report = this.files.importPostcodes(file);
		List<String> lines = Files.readAllLines(file);
		List<String> header = List.of(lines.get(0).split(","));
		int doterm = header.indexOf("doterm");
		int lat = header.indexOf("lat");
		long live = lines.stream()
			.skip(1)
			.map(line -> line.split(",", -1))
			.filter(cells -> cells[doterm].isEmpty() && !cells[lat].startsWith("99.9"))
			.count();
		assertThat(report.rowsRead()).isEqualTo(lines.size() - 1);
		assertThat(report.rowsKept()).isEqualTo((int) live).isGreaterThan(4000);
		assertThat(found("AB10 1AB").latitude()).isCloseTo(57.149606, within(1e-6));
		assertThat(this.finder.find("JE2 4WD")).isInstanceOf(PlaceFinder.NotFound.class);
	}

	@Test
	void codePointOpenConvertsToWithinMetresOfTheOnsPoints() {
		this.files.importPostcodes(GEO.resolve("nspl-postcodes-latlong/PR.csv"));
		List<double[]> ons = new ArrayList<>();
		this.jdbc.query("SELECT latitude, longitude FROM postcode WHERE outward IN ('PR1', 'PR2') ORDER BY postcode",
				rs -> {
					ons.add(new double[] { rs.getDouble(1), rs.getDouble(2) });
				});
		List<String> postcodes = this.jdbc.queryForList(
				"SELECT postcode FROM postcode WHERE outward IN ('PR1', 'PR2') ORDER BY postcode", String.class);
		this.files.importPostcodes(GEO.resolve("codepoint-open-2014-lancashire/Data/CSV/pr.csv"));
		List<Double> metres = new ArrayList<>();
		for (int i = 0; i < postcodes.size(); i++) {
			List<Double[]> converted = this.jdbc.query(
					"SELECT latitude, longitude FROM postcode WHERE postcode = ? AND source = 'codepoint'",
					(rs, n) -> new Double[] { rs.getDouble(1), rs.getDouble(2) }, postcodes.get(i));
			if (!converted.isEmpty()) {
				metres.add(Distance.miles(ons.get(i)[0], ons.get(i)[1], converted.get(0)[0], converted.get(0)[1])
						* 1609.344);
			}
		}
		metres.sort(Double::compare);
		assertThat(metres).hasSizeGreaterThan(1000);
		assertThat(metres.get(metres.size() / 2)).as("median metres").isLessThan(5);
		assertThat(metres.get(metres.size() * 8 / 10)).as("80th percentile metres").isLessThan(15);
	}

	@Test
	void osOpenNamesGivesTownsAndVillages() {
		GazetteerFiles.Report report = this.files.importPlaces(GEO.resolve("os-open-names-sample/HY20.csv"));
		assertThat(report.rowsRead()).isEqualTo(2544);
		assertThat(report.rowsKept()).isBetween(100, 110);
		Found stromness = found("Stromness");
		assertThat(stromness.latitude()).isCloseTo(58.96, within(0.03));
		assertThat(stromness.longitude()).isCloseTo(-3.30, within(0.05));
		assertThat(stromness.label()).isEqualTo("Stromness, Orkney Islands");
	}

}
