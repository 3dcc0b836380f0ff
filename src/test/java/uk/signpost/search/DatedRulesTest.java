package uk.signpost.search;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * "Free" and opening days mean the same on the results (the index) as on the service
 * page, and hours or prices whose dates have passed count for neither.
 */
class DatedRulesTest extends WebTest {

	private static String service(String id, String costs, String schedules) {
		return """
				{"id": "%s", "name": "%s service", "status": "active", "description": "Advice for everyone",
				 "cost_options": [%s], "schedules": [%s]}""".formatted(id, id, costs, schedules);
	}

	private static final String EVERY_DAY = "\"freq\": \"WEEKLY\", \"byday\": \"MO,TU,WE,TH,FR,SA,SU\", "
			+ "\"opens_at\": \"09:00\", \"closes_at\": \"17:00\"";

	@BeforeEach
	void directory() throws IOException {
		clear();
		load("county", "[" + String.join(",",
				service("mixed", "{\"id\": \"a\", \"amount\": 0}, {\"id\": \"b\", \"amount\": 5}", ""),
				service("lapsed",
						"{\"id\": \"a\", \"amount\": 5, \"valid_to\": \"2020-01-01\"}, {\"id\": \"b\", \"amount\": 0}",
						"{\"id\": \"s\", " + EVERY_DAY + ", \"valid_to\": \"2020-01-01\"}"),
				service("current", "{\"id\": \"a\", \"amount\": 0}", "{\"id\": \"s\", " + EVERY_DAY + "}")) + "]");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void freeMeansEveryPriceThatAppliesTodayOnCardsAndPagesAlike() throws Exception {
		String free = page("/search?q=advice&free=true");
		assertThat(free).contains("lapsed service", "current service").doesNotContain("mixed service");
		assertThat(page("/services/" + RecordId.of("county", "service", "mixed"))).contains("£5.00")
			.doesNotContain(">Free<");
		// Its only price now is free: the one that ended in 2020 is not shown or counted.
		assertThat(page("/services/" + RecordId.of("county", "service", "lapsed"))).contains("Free")
			.doesNotContain("£5.00");
	}

	@Test
	void hoursThatHaveEndedAreNotOpeningHours() throws Exception {
		String monday = page("/search?q=advice&day=monday");
		assertThat(monday).contains("current service").doesNotContain("lapsed service");
		assertThat(page("/services/" + RecordId.of("county", "service", "current"))).contains("9am to 5pm");
		assertThat(page("/services/" + RecordId.of("county", "service", "lapsed"))).doesNotContain("9am to 5pm");
	}

	@Test
	void hoursAndPricesWhoseDatesTurnGoBackOnTheBacklogAtMidnight() {
		this.jdbc.update("DELETE FROM search_backlog");
		this.jdbc.update("UPDATE schedule SET valid_to = ?", java.sql.Date.valueOf(LocalDate.of(2026, 12, 1)));
		assertThat(this.index.requeueDatedRows(LocalDate.of(2026, 12, 2))).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM search_backlog", Integer.class)).isEqualTo(2);
		this.index.catchUp();
	}

}
