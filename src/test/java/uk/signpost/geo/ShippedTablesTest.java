package uk.signpost.geo;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.signpost.geo.PlaceFinder.Ambiguous;
import uk.signpost.geo.PlaceFinder.Found;
import uk.signpost.geo.PlaceFinder.Match;
import uk.signpost.geo.PlaceFinder.NotFound;
import uk.signpost.geo.PlaceFinder.Whereabouts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh install, with nothing imported and no directory: the tables shipped in the jar
 * know every GB postcode, outward code and town. The points are NSPL's (SOURCES.md spot
 * checks) and places' well-known centres.
 */
class ShippedTablesTest extends GazetteerTest {

	private static double metres(Found found, double latitude, double longitude) {
		return Distance.miles(found.latitude(), found.longitude(), latitude, longitude) * 1609.344;
	}

	@Test
	void fullPostcodesInEnglandWalesAndScotland() {
		Object[][] spotChecks = { { "PR1 2HE", 53.76135, -2.70738 }, { "SW1A 1AA", 51.50101, -0.14156 },
				{ "CF10 1EP", 51.47576, -3.17921 }, { "eh11yz", 55.95032, -3.19301 },
				{ "LL11 1AA", 53.04890, -3.00008 }, { "M1 1AE", 53.48348, -2.23118 } };
		for (Object[] check : spotChecks) {
			Found found = found((String) check[0]);
			assertThat(found.match()).isEqualTo(Match.POSTCODE);
			assertThat(found.usedOutwardCode()).isFalse();
			assertThat(found.notice()).isNull();
			// Packed to a ten-thousandth of a degree: within 7 m.
			assertThat(metres(found, (double) check[1], (double) check[2])).as((String) check[0]).isLessThan(7);
		}
		assertThat(found("SW1A 1AA").label()).isEqualTo("SW1A 1AA");
		assertThat(found("PR1 2HE").areas()).contains("preston", "lancashire");
	}

	@Test
	void outwardCodesHaveTheCentreOfTheirPostcodes() {
		Found found = found("PR1");
		assertThat(found.match()).isEqualTo(Match.OUTWARD_CODE);
		assertThat(metres(found, 53.758, -2.702)).isLessThan(1500);
		assertThat(found("SW1").label()).isEqualTo("SW1");
	}

	@Test
	void aWellFormedPostcodeNoTableHasFallsBackToItsOutwardCode() {
		assertThat(this.gazetteer.postcode("FY8 9QZ")).isEmpty();
		Found found = found("FY8 9QZ");
		assertThat(found.usedOutwardCode()).isTrue();
		assertThat(found.northernIreland()).isFalse();
		assertThat(found.match()).isEqualTo(Match.OUTWARD_CODE_FOR_POSTCODE);
		assertThat(found.label()).isEqualTo("FY8");
		assertThat(found.notice())
			.isEqualTo("We could not find the postcode FY8 9QZ, so these results are for the FY8 area");
		assertThat(found.areas()).contains("lancashire");
	}

	@Test
	void northernIrelandPostcodesAreNotOpenDataSoTheOutwardCodeIsUsed() {
		Found found = found("BT1 1AA");
		assertThat(found.northernIreland()).isTrue();
		assertThat(found.usedOutwardCode()).isTrue();
		assertThat(found.match()).isEqualTo(Match.NORTHERN_IRELAND_OUTWARD_CODE);
		assertThat(found.label()).isEqualTo("BT1");
		assertThat(found.notice()).contains("Northern Ireland").contains("not open data");
		// Belfast city centre.
		assertThat(metres(found, 54.597, -5.930)).isLessThan(3000);
		assertThat(this.finder.find("BT99 9ZZ")).isInstanceOfSatisfying(NotFound.class, notFound -> {
			assertThat(notFound.northernIreland()).isTrue();
			assertThat(notFound.message()).contains("not open data");
		});
	}

	@Test
	void placesOnTheFyldeCoastByTheNamesPeopleUse() {
		Object[][] places = { { "Lytham", 53.737, -2.963 }, { "St Annes", 53.752, -3.030 },
				{ "St. Annes", 53.752, -3.030 }, { "Saint Annes", 53.752, -3.030 }, { "st anne's", 53.752, -3.030 },
				{ "Lytham St Annes", 53.745, -2.995 }, { "Cleveleys", 53.877, -3.040 }, { "Poulton", 53.847, -2.990 },
				{ "Poulton-le-Fylde", 53.847, -2.990 }, { "poulton le fylde", 53.847, -2.990 } };
		for (Object[] place : places) {
			Found found = found((String) place[0]);
			assertThat(found.match()).isEqualTo(Match.SHIPPED_PLACE);
			assertThat(found.label()).as((String) place[0]).endsWith(", Lancashire");
			assertThat(metres(found, (double) place[1], (double) place[2])).as((String) place[0]).isLessThan(4000);
			assertThat(found.areas()).contains("lancashire");
		}
		assertThat(found("Poulton").label()).isEqualTo("Poulton-le-Fylde, Lancashire");
	}

	@Test
	void aNameOfManyPlacesMeansTheBiggestAndSaysThereAreOthers() {
		Found preston = found("Preston");
		assertThat(preston.label()).isEqualTo("Preston, Lancashire");
		assertThat(metres(preston, 53.763, -2.703)).isLessThan(3000);
		assertThat(preston.notice())
			.startsWith("There are other places called Preston. For one of those, add its county");
		assertThat(preston.areas()).containsExactly("preston", "lancashire");

		Found brighton = found("Preston, East Sussex");
		assertThat(brighton.latitude()).isCloseTo(50.85, org.assertj.core.api.Assertions.within(0.05));
		assertThat(brighton.notice()).isNull();
		assertThat(found("Newport").label()).isEqualTo("Newport");
		assertThat(found("Newport, Isle of Wight").latitude()).isCloseTo(50.70,
				org.assertj.core.api.Assertions.within(0.05));
		assertThat(found("Newcastle").label()).isEqualTo("Newcastle upon Tyne, Tyne and Wear");
	}

	@Test
	void placesOfOneNameAndSimilarSizeAreOfferedWithLabelsThatEachResolve() {
		Whereabouts thornton = this.finder.find("Thornton");
		assertThat(thornton).isInstanceOf(Ambiguous.class);
		List<Place> choices = ((Ambiguous) thornton).choices();
		List<String> labels = choices.stream().map(Place::label).toList();
		assertThat(labels).hasSizeBetween(2, 12).doesNotHaveDuplicates().contains("Thornton, Lancashire");
		for (Place choice : choices) {
			Found found = found(choice.label());
			assertThat(found.label()).isEqualTo(choice.label());
			assertThat(found.latitude()).isEqualTo(choice.latitude());
		}
		// Two Prestons in Kent: the bigger is "Preston, Kent", the district names the
		// other.
		Found kent = found("Preston, Kent");
		assertThat(kent.label()).isEqualTo("Preston, Kent");
		assertThat(found("Preston, Hoath, Kent").label()).isEqualTo("Preston, Hoath, Kent");
		assertThat(found("Preston, Hoath, Kent").latitude()).isNotEqualTo(kent.latitude());
	}

	@Test
	void garbageIsStillNotFound() {
		for (String typed : List.of("Atlantis", "xyzzy plugh", "Nowhere at all", "ZZ9 9ZZ", "ZZ9", "12345")) {
			assertThat(this.finder.find(typed)).as(typed).isInstanceOf(NotFound.class);
		}
		assertThat(((NotFound) this.finder.find("ZZ9 9ZZ")).northernIreland()).isFalse();
	}

	@Test
	void theDirectorysOwnPostcodesAndTownsComeFirst() {
		this.jdbc.update("INSERT INTO publisher (id, name, created_at) VALUES ('p', 'P', CURRENT_TIMESTAMP)");
		this.jdbc.update("INSERT INTO location (id, publisher_id, source_id, location_type, latitude, longitude, "
				+ "content_hash, imported_at) VALUES ('a', 'p', 'a', 'physical', 53.7, -2.6, 'x', CURRENT_TIMESTAMP)");
		this.jdbc.update("INSERT INTO address (id, location_id, position, city, state_province, postal_code) "
				+ "VALUES ('adr-a', 'a', 0, 'Preston', 'Lancashire', 'PR1 2HE')");
		this.gazetteer.refreshFromDirectory();
		assertThat(found("PR1 2HE").latitude()).isEqualTo(53.7);
		Found preston = found("Preston");
		assertThat(preston.latitude()).isEqualTo(53.7);
		assertThat(preston.match()).isEqualTo(Match.PLACE);
		assertThat(preston.notice()).isNull();
		// Names the directory does not have still come from the shipped tables.
		assertThat(found("Cleveleys").label()).isEqualTo("Cleveleys, Lancashire");
	}

	@Test
	void everyPageCreditsTheShippedTablesSources() {
		assertThat(this.gazetteer.attribution()).containsExactly(
				"Contains OS data © Crown copyright and database right 2025",
				"Contains Royal Mail data © Royal Mail copyright and database right 2025",
				"Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
				"Postcode and place data © GeoNames (www.geonames.org), CC BY 4.0");
	}

}
