package uk.signpost.feedback;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Report a problem with a service: the question page, errors, forgery, the limit,
 * storage.
 */
class ReportProblemTest extends WebTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	@BeforeEach
	void directory() throws Exception {
		clear();
		this.jdbc.update("DELETE FROM rate_limit");
		load("council", resource("every-field.json"));
		String form = this.mvc.perform(get("/services/" + ID + "/report"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("What is wrong?").contains("The phone number is wrong");
		// Spring Security's token, put in by th:action.
		assertThat(form).containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]{20,}\"");
	}

	private String send(Map<String, String> fields, String client, int status) throws Exception {
		var request = post("/services/" + ID + "/report").with(r -> {
			r.setRemoteAddr(client);
			return r;
		});
		fields.forEach(request::param);
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aReportIsStoredWithTheServiceAndPublisherAndConfirmed() throws Exception {
		this.mvc
			.perform(post("/services/" + ID + "/report").param("problem", "phone")
				.param("correction", "The number is now 01632 960999"))
			.andExpect(redirectedUrl("/services/" + ID + "/report/sent"));
		assertThat(this.jdbc.queryForMap("SELECT service_id, publisher_id, problem, correction, email FROM feedback"))
			.containsEntry("service_id", ID)
			.containsEntry("publisher_id", "council")
			.containsEntry("problem", "phone")
			.containsEntry("correction", "The number is now 01632 960999")
			.containsEntry("email", null);
		assertThat(this.mvc.perform(get("/services/" + ID + "/report/sent"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Report sent");
	}

	@Test
	void missingAnswersAreNamedInTheErrorSummaryAndNothingIsKept() throws Exception {
		String page = send(Map.of("email", "not an email"), "10.0.0.1", 400);
		assertThat(page).contains("There is a problem")
			.contains("Select what is wrong")
			.contains("Enter an email address in the correct format, like name@example.com")
			.contains("<title>Error: Report a problem");
		assertThat(send(Map.of("problem", "hours"), "10.0.0.1", 400)).contains("Enter what it should say");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isZero();
	}

	@Test
	void aFormFromElsewhereIsRefused() throws Exception {
		this.mvc
			.perform(MockMvcRequestBuilders.post("/services/" + ID + "/report")
				.param("problem", "closed")
				.param("_csrf", "forged"))
			.andExpect(status().isForbidden());
		this.mvc.perform(MockMvcRequestBuilders.post("/services/" + ID + "/report").param("problem", "closed"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class)).isZero();
	}

	@Test
	void oneClientCanSendOnlyAFewReportsAnHour() throws Exception {
		for (int i = 0; i < ReportLimit.PER_HOUR; i++) {
			send(Map.of("problem", "closed"), "10.0.0.3", 302);
		}
		assertThat(send(Map.of("problem", "closed"), "10.0.0.3", 429)).contains("You have sent a lot of reports");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM feedback", Integer.class))
			.isEqualTo(ReportLimit.PER_HOUR);
		// Another client is counted on its own.
		send(Map.of("problem", "closed"), "10.0.0.4", 302);
	}

}
