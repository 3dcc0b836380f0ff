package uk.signpost.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.demo.DemoDirectory;
import uk.signpost.geo.GazetteerFiles;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Search and the gazetteer on a real PostgreSQL server: the index built from PostgreSQL
 * rows, postcodes merged in. Runs in the 'postgres' Maven profile.
 */
@Tag("postgres")
@ActiveProfiles("postgres")
class PostgresSearchTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	ServiceSearch search;

	@Autowired
	SearchIndex index;

	@Autowired
	PlaceFinder places;

	@Autowired
	GazetteerFiles files;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path folder;

	@Test
	void searchesNearAPlaceAndImportsPostcodes() throws Exception {
		TestDirectory.clear(this.jdbc);
		DemoDirectory.write(this.folder.resolve("demo"), 400, 5L, LocalDate.of(2026, 11, 1));
		assertThat(
				this.importer.importFeed(new FeedSource.Files(this.folder.resolve("demo")), "demo", null).succeeded())
			.isTrue();
		assertThat(this.index.rebuild().services()).isGreaterThan(380);

		PlaceFinder.Found preston = (PlaceFinder.Found) this.places.find("Preston");
		SearchResult result = this.search.search(ServiceQuery.ALL.text("food bank")
			.near(new ServiceQuery.Near(preston.latitude(), preston.longitude(), preston.areas()))
			.radiusMiles(10));
		assertThat(result.total()).isPositive();
		assertThat(result.facets().get(Filter.CATEGORY)).isNotEmpty();

		Path nspl = Files.writeString(this.folder.resolve("nspl.csv"), "Postcode,lat,long\nPR1 2HE,53.7,-2.7\n");
		this.files.importPostcodes(nspl);
		Files.writeString(nspl, "Postcode,lat,long\nPR1 2HE,53.76135,-2.70738\n");
		this.files.importPostcodes(nspl);
		PlaceFinder.Found postcode = (PlaceFinder.Found) this.places.find("PR1 2HE");
		assertThat(postcode.latitude()).isCloseTo(53.76135, within(1e-9));
	}

	@Autowired
	uk.signpost.directory.SameService sameService;

	/**
	 * Two records confirmed as one service (ADR 0016), their dates read from PostgreSQL:
	 * the search page counts them once, led by the most recently checked.
	 */
	@Test
	void aConfirmedPairIsOneResult() throws Exception {
		TestDirectory.clear(this.jdbc);
		this.jdbc.update("DELETE FROM duplicate_pair");
		DemoDirectory.write(this.folder.resolve("pair"), 40, 7L, LocalDate.of(2026, 11, 1));
		assertThat(
				this.importer.importFeed(new FeedSource.Files(this.folder.resolve("pair")), "demo", null).succeeded())
			.isTrue();
		this.index.rebuild();
		long before = this.search.search(ServiceQuery.ALL).total();
		java.util.List<String> ids = this.jdbc.queryForList("SELECT id FROM service s WHERE "
				+ uk.signpost.directory.Service.FINDABLE + " ORDER BY id FETCH FIRST 2 ROWS ONLY", String.class);
		this.jdbc.update("UPDATE service SET assured_date = ? WHERE id = ?", java.sql.Date.valueOf("2026-01-01"),
				ids.get(0));
		this.jdbc.update("UPDATE service SET assured_date = ? WHERE id = ?", java.sql.Date.valueOf("2026-12-01"),
				ids.get(1));
		try {
			this.jdbc.update(
					"INSERT INTO duplicate_pair (service_a, service_b, score, reasons, state, found_at) VALUES (?, ?, 0.9, 'name=0.90', 'confirmed', CURRENT_TIMESTAMP)",
					ids.get(0), ids.get(1));
			this.jdbc.update("INSERT INTO search_backlog (service_id) VALUES (?)", ids.get(0));
			this.index.catchUp();
			assertThat(this.sameService.groups(ids).get(ids.get(0)).lead()).isEqualTo(ids.get(1));
			assertThat(this.search.search(ServiceQuery.ALL).total()).isEqualTo(before - 1);
		}
		finally {
			this.jdbc.update("DELETE FROM duplicate_pair");
		}
	}

}
