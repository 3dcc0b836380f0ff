package uk.signpost.search;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchResult.FacetValue;
import uk.signpost.search.SearchResult.Hit;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTest extends DirectoryTest {

	static final double PRESTON_LAT = 53.7632;

	static final double PRESTON_LON = -2.7031;

	/** About one mile north, in degrees of latitude. */
	static final double MILE = 1 / 69.0;

	static final ServiceQuery.Near PRESTON = new ServiceQuery.Near(PRESTON_LAT, PRESTON_LON,
			Set.of("preston", "lancashire"));

	@Autowired
	Importer importer;

	@Autowired
	ServiceSearch search;

	@Autowired
	SearchIndex index;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlaceFinder places;

	@TempDir
	Path folder;

	@BeforeEach
	void directory() throws Exception {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		TestFeed feed = new TestFeed();
		String today = ZonedDateTime.now(uk.signpost.directory.Validity.UK).getDayOfWeek().name().substring(0, 2);
		feed.service("foodbank", "Preston Foodbank")
			.description("Emergency food parcels for people in crisis.")
			.category("Food", "Food banks")
			.venue("town-hall", PRESTON_LAT, PRESTON_LON, "PR1 2HE", "Preston", true)
			.open(today, "00:00:00", "23:59:00")
			.languages("English", "Polish")
			.ages(18, null);
		feed.service("pantry", "Community Pantry")
			.description("Low-cost groceries. Also emergency food parcels, like a food bank, for members.")
			.category("Food", "Community pantries")
			.venue("north", PRESTON_LAT + 2 * MILE, PRESTON_LON, "PR2 1AA", "Preston", false)
			.open("SA", "10:00:00", "12:00:00")
			.languages("English")
			.charged();
		feed.service("debt", "Debt Advice Lancashire")
			.description("Free advice on debts, arrears and bailiffs.")
			.category("Money and debt", "Debt advice")
			.venue("far", PRESTON_LAT + 20 * MILE, PRESTON_LON, "LA1 1AA", "Lancaster", false)
			.venue("near", PRESTON_LAT - 0.5 * MILE, PRESTON_LON, "PR1 9ZZ", "Preston", true)
			.ages(18, null);
		feed.service("helpline", "Money Helpline")
			.description("A free national phone line for debt and money worries.")
			.category("Money and debt", "Debt advice")
			.delivery("By phone")
			.phone("0808 000 0000");
		feed.service("dementia", "Memory Cafe")
			.description("A friendly cafe for people living with dementia and the people who care for them.")
			.category("Older people", "Dementia")
			.venue("cafe", PRESTON_LAT + 1 * MILE, PRESTON_LON, "PR1 5XX", "Preston", true)
			.ages(50, null);
		feed.service("dance", "Tea Dance")
			.description("Ballroom dancing for older people every week.")
			.category("Older people", "Social activities")
			.venue("ballroom", PRESTON_LAT + 3 * MILE, PRESTON_LON, "PR2 3AB", "Preston", false);
		feed.service("cancer", "Cancer Support Group")
			.description("Peer support for people affected by cancer.")
			.category("Health", "Cancer")
			.venue("hospital", PRESTON_LAT + 4 * MILE, PRESTON_LON, "PR2 9HT", "Preston", true);
		feed.service("housing", "Housing Options")
			.description("Help if you are homeless or at risk of losing your home.")
			.category("Housing", "Homelessness")
			.venue("blackpool", 53.8175, -3.0357, "FY1 1AA", "Blackpool", false)
			.serviceArea("Preston");
		feed.service("youth", "Youth Club")
			.description("Games, sport and a safe space for young people.")
			.category("Families", "Youth clubs")
			.venue("youth", PRESTON_LAT + 0.2 * MILE, PRESTON_LON, "PR1 1YC", "Preston", false)
			.ages(11, 18);
		feed.service("closed", "Old Foodbank").description("A food bank that has closed.").status("inactive");
		ImportReport report = this.importer.importFeed(new FeedSource.Files(feed.write(this.folder)), "council",
				"Council");
		assertThat(report.succeeded()).as(report.summary()).isTrue();
	}

	private SearchResult run(ServiceQuery query) {
		return this.search.search(query);
	}

	private static List<String> ids(SearchResult result) {
		return result.hits().stream().map(Hit::id).map(SearchTest::sourceId).toList();
	}

	private static String sourceId(String id) {
		for (String candidate : List.of("foodbank", "pantry", "debt", "helpline", "dementia", "dance", "cancer",
				"housing", "youth", "closed")) {
			if (RecordId.of("council", "service", candidate).equals(id)) {
				return candidate;
			}
		}
		return id;
	}

	private static long count(SearchResult result, String facet, String value) {
		return result.facets()
			.get(Filter.valueOf(facet.equals("OPEN_NOW") ? "OPEN" : facet))
			.stream()
			.filter(v -> v.value().equals(value))
			.mapToLong(FacetValue::count)
			.findFirst()
			.orElse(-1);
	}

	@Test
	void residentsWordsFindServicesThroughSynonymsAndNameMatchesComeFirst() {
		SearchResult result = run(ServiceQuery.ALL.text("foodbank"));
		assertThat(ids(result)).startsWith("foodbank").contains("pantry").doesNotContain("closed");
		assertThat(ids(run(ServiceQuery.ALL.text("my mum has alzheimers")))).first().isEqualTo("dementia");
		assertThat(ids(run(ServiceQuery.ALL.text("bailiffs at the door")))).first().isEqualTo("debt");
	}

	@Test
	void fillerWordsAloneBrowseEverything() {
		SearchResult result = run(ServiceQuery.ALL.text("help"));
		assertThat(result.total()).isEqualTo(9);
	}

	@Test
	void longMisspeltWordsAreCorrectedAndSaySo() {
		SearchResult result = run(ServiceQuery.ALL.text("demensia"));
		assertThat(result.correctedFrom()).isEqualTo("demensia");
		assertThat(result.searchedFor()).isEqualTo("dementia");
		assertThat(ids(result)).first().isEqualTo("dementia");

		SearchResult exact = run(ServiceQuery.ALL.text("demensia").exact(true));
		assertThat(exact.corrected()).isFalse();
		assertThat(exact.total()).isZero();
	}

	@Test
	void realWordsAreNeverCorrectedIntoOtherWords() {
		SearchResult dancing = run(ServiceQuery.ALL.text("dancing"));
		assertThat(dancing.corrected()).isFalse();
		assertThat(ids(dancing)).containsExactly("dance");
	}

	@Test
	void aPlaceKeepsRelevanceFirstAndLimitsVenuesToTheRadius() {
		SearchResult result = run(ServiceQuery.ALL.text("food bank").near(PRESTON).radiusMiles(5));
		assertThat(ids(result)).startsWith("foodbank", "pantry");
		Hit pantry = result.hits().get(1);
		assertThat(pantry.distanceMiles()).isBetween(1.9, 2.1);
		assertThat(pantry.withinRadius()).isTrue();

		SearchResult tight = run(ServiceQuery.ALL.text("food bank").near(PRESTON).radiusMiles(1));
		assertThat(ids(tight)).containsExactly("foodbank");
	}

	@Test
	void aVenueWithinReachComesBeforeAPhoneLineThatMatchesTheWordsBetter() {
		// "Money Helpline" has the word in its name; the advice centre half a mile away
		// only in its category. Near a place, the one people can walk into comes first.
		assertThat(ids(run(ServiceQuery.ALL.text("money")))).startsWith("helpline");
		assertThat(ids(run(ServiceQuery.ALL.text("money").near(PRESTON).radiusMiles(3)))).startsWith("debt",
				"helpline");
	}

	@Test
	void aServiceAtSeveralVenuesIsAsNearAsItsNearestVenue() {
		SearchResult result = run(ServiceQuery.ALL.text("debt").near(PRESTON).radiusMiles(1));
		Hit debt = result.hits().stream().filter(h -> sourceId(h.id()).equals("debt")).findFirst().orElseThrow();
		assertThat(debt.distanceMiles()).isBetween(0.45, 0.55);
	}

	@Test
	void phoneServicesAndServicesWhoseAreaCoversThePlaceStayMarkedAsSuch() {
		SearchResult result = run(ServiceQuery.ALL.near(PRESTON).radiusMiles(1));
		assertThat(ids(result)).contains("helpline", "housing").doesNotContain("cancer", "dance");
		Hit helpline = result.hits()
			.stream()
			.filter(h -> sourceId(h.id()).equals("helpline"))
			.findFirst()
			.orElseThrow();
		assertThat(helpline.delivery()).containsExactly("phone");
		assertThat(helpline.withinRadius()).isFalse();
		Hit housing = result.hits().stream().filter(h -> sourceId(h.id()).equals("housing")).findFirst().orElseThrow();
		assertThat(housing.areaServed()).isTrue();
		assertThat(housing.withinRadius()).isFalse();
	}

	private ServiceQuery.Near near(String typed) {
		PlaceFinder.Whereabouts whereabouts = this.places.find(typed);
		assertThat(whereabouts).as(typed).isInstanceOf(PlaceFinder.Found.class);
		PlaceFinder.Found found = (PlaceFinder.Found) whereabouts;
		return new ServiceQuery.Near(found.latitude(), found.longitude(), found.areas());
	}

	@Test
	void aVenueSearchedFromItsOwnPostcodeComesFirstNearestFirst() {
		SearchResult result = run(ServiceQuery.ALL.near(near("PR1 5XX")).nearestFirst(true));
		assertThat(ids(result)).first().isEqualTo("dementia");
		assertThat(result.hits().get(0).distanceMiles()).isLessThan(0.01);
		assertThat(ids(run(ServiceQuery.ALL.near(near("pr2 9ht")).nearestFirst(true)))).first().isEqualTo("cancer");
	}

	@Test
	void theRadiusEdgeIsExact() {
		// The cancer venue is 4.00 miles north of the centre of Preston.
		ServiceQuery query = ServiceQuery.ALL.text("cancer").near(PRESTON);
		assertThat(ids(run(query.radiusMiles(4.05)))).containsExactly("cancer");
		assertThat(ids(run(query.radiusMiles(3.95)))).isEmpty();
	}

	@Test
	void outwardCodesAndTownNamesWorkAsPlaces() {
		SearchResult byOutward = run(ServiceQuery.ALL.near(near("PR2")).radiusMiles(1).nearestFirst(true));
		// PR2's centre is the middle of the pantry, tea dance and cancer venues (2-4
		// miles
		// north).
		assertThat(ids(byOutward)).startsWith("dance");
		SearchResult byTown = run(ServiceQuery.ALL.text("food").near(near("Preston")).radiusMiles(3));
		assertThat(ids(byTown)).contains("foodbank", "pantry");
	}

	@Test
	void nearestFirstSortsByTheNearestVenue() {
		SearchResult result = run(ServiceQuery.ALL.near(PRESTON).radiusMiles(10).nearestFirst(true));
		assertThat(ids(result)).startsWith("foodbank", "youth", "debt", "dementia", "pantry", "dance", "cancer");
	}

	@Test
	void eligibilityFiltersNarrowTheResults() {
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.AGE, "15")))).containsExactlyInAnyOrder("pantry", "helpline",
				"dance", "cancer", "housing", "youth");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.AGE, "40").with(Filter.FREE, Filter.TRUE))))
			.doesNotContain("pantry", "youth", "dementia");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.DELIVERY, "phone")))).containsExactly("helpline");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.DAY, "saturday")))).containsExactly("pantry");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.OPEN, Filter.TRUE)))).containsExactly("foodbank");
		// Without the filter, the hits open now are marked so (the cards' "Open now"
		// tag).
		assertThat(run(ServiceQuery.ALL).hits().stream().filter(Hit::openNow).map(Hit::id).map(SearchTest::sourceId))
			.containsExactly("foodbank");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.LANGUAGE, "Polish")))).containsExactly("foodbank");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.WHEELCHAIR, Filter.TRUE))))
			.containsExactlyInAnyOrder("foodbank", "debt", "dementia", "cancer");
		assertThat(ids(run(ServiceQuery.ALL.with(Filter.CATEGORY, "Money and debt")))).containsExactlyInAnyOrder("debt",
				"helpline");
	}

	@Test
	void filterCountsIgnoreTheirOwnSelectionButRespectTheOthers() {
		SearchResult result = run(ServiceQuery.ALL.with(Filter.CATEGORY, "Food").with(Filter.FREE, Filter.TRUE));
		assertThat(ids(result)).containsExactly("foodbank");
		// Counts for categories are counted without the category filter, with free.
		assertThat(count(result, "CATEGORY", "Money and debt")).isEqualTo(2);
		assertThat(count(result, "CATEGORY", "Food")).isEqualTo(1);
		// Free counts keep the category filter.
		assertThat(count(result, "FREE", "true")).isEqualTo(1);
		assertThat(count(result, "WHEELCHAIR", "true")).isEqualTo(1);
		assertThat(count(result, "DELIVERY", "phone")).isZero();
		assertThat(count(result, "DAY", "saturday")).isZero();
		assertThat(result.facets().get(Filter.FREE).get(0).selected()).isTrue();
	}

	/**
	 * Counts run on a pool of two threads beside the results: many searches at once must
	 * all finish (no counting thread waits for another) with the counts one alone gets.
	 */
	@Test
	void manySearchesAtOnceAllFinishWithTheCountsOfOneAlone() throws Exception {
		ServiceQuery query = ServiceQuery.ALL.text("food").with(Filter.CATEGORY, "Food");
		SearchResult alone = this.search.search(query);
		java.util.concurrent.ExecutorService people = java.util.concurrent.Executors.newFixedThreadPool(12);
		try {
			List<java.util.concurrent.Future<SearchResult>> searches = new java.util.ArrayList<>();
			for (int i = 0; i < 48; i++) {
				searches.add(people.submit(() -> this.search.search(query)));
			}
			for (java.util.concurrent.Future<SearchResult> one : searches) {
				SearchResult result = one.get(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(result.total()).isEqualTo(alone.total()).isPositive();
				assertThat(result.facets()).isEqualTo(alone.facets());
				assertThat(ids(result)).isEqualTo(ids(alone));
			}
		}
		finally {
			people.shutdownNow();
		}
	}

	@Test
	void browsingByNeedGivesTheTopCategoriesWithCounts() {
		List<ServiceSearch.Need> needs = this.search.needs();
		assertThat(needs).extracting(ServiceSearch.Need::name)
			.containsExactly("Families", "Food", "Health", "Housing", "Money and debt", "Older people");
		ServiceSearch.Need food = needs.get(1);
		assertThat(food.count()).isEqualTo(2);
		assertThat(needs.get(4)).isEqualTo(new ServiceSearch.Need("Money and debt", 2));
	}

	@Test
	void nothingFoundOffersWhatToRelaxWithCounts() {
		SearchResult result = run(
				ServiceQuery.ALL.text("cancer").near(PRESTON).radiusMiles(3).with(Filter.FREE, Filter.TRUE));
		assertThat(result.total()).isZero();
		Map<String, Long> counts = new java.util.HashMap<>();
		result.relaxations()
			.forEach(r -> counts.put(r.filter() == null ? "radius" : r.filter().parameter(), r.count()));
		assertThat(counts).containsEntry("radius", 1L).containsEntry("free", 0L);
		assertThat(this.search.search(result.relaxations().get(0).query()).total()).isEqualTo(1);
	}

	@Test
	void theIndexFollowsEveryImportAndComesBackFromTheDatabase() throws Exception {
		TestFeed smaller = new TestFeed();
		smaller.service("foodbank", "Preston Foodbank").description("Food parcels.").category("Food", "Food banks");
		this.importer.importFeed(new FeedSource.Files(smaller.write(this.folder.resolve("next"))), "council", "Council",
				true);
		assertThat(ids(run(ServiceQuery.ALL))).containsExactly("foodbank");

		SearchIndex.Rebuild rebuild = this.index.rebuild();
		assertThat(rebuild.services()).isEqualTo(1);
		assertThat(ids(run(ServiceQuery.ALL.text("food")))).containsExactly("foodbank");
	}

	@Test
	void anAnswerIsGivenAgainUntilTheIndexChangesAndNeverAfter() throws Exception {
		SearchResult before = run(ServiceQuery.ALL.text("food"));
		assertThat(ids(before)).contains("foodbank", "pantry");
		assertThat(this.search.needs()).extracting(ServiceSearch.Need::name).contains("Food", "Housing");
		if (this.index.onLucene()) {
			// Kept: the same search again is the same answer, not another search.
			assertThat(run(ServiceQuery.ALL.text("food"))).isSameAs(before);
		}

		TestFeed smaller = new TestFeed();
		smaller.service("foodbank", "Preston Foodbank").description("Food parcels.").category("Food", "Food banks");
		this.importer.importFeed(new FeedSource.Files(smaller.write(this.folder.resolve("next"))), "council", "Council",
				true);
		assertThat(ids(run(ServiceQuery.ALL.text("food")))).containsExactly("foodbank");
		assertThat(this.search.needs()).extracting(ServiceSearch.Need::name).containsExactly("Food");
	}

}
