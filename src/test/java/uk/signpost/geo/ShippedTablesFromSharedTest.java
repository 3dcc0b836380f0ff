package uk.signpost.geo;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables in src/main/resources/geo are what the generator writes from the official
 * files in ../shared/geo, byte for byte: nothing shipped was edited by hand or left
 * stale. Runs in the 'shared' Maven profile.
 */
@Tag("shared")
class ShippedTablesFromSharedTest {

	@TempDir
	Path folder;

	@Test
	void theGeneratorRunOnTheOfficialFilesGivesTheShippedTables() throws IOException {
		GeoTables.Summary summary = GeoTables.write(OfficialGeoFilesTest.GEO, this.folder);
		assertThat(summary.postcodes()).isGreaterThan(2_600_000);
		assertThat(GeoTables.digests(this.folder)).isEqualTo(GeoTables.digests(Path.of("src/main/resources/geo")));
	}

}
