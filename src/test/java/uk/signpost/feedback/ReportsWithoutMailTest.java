package uk.signpost.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.web.MockHttpSession;

import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Without spring.mail.host there is no mail sender: a report's history says it was not
 * emailed, and closing it still erases the resident's email.
 */
class ReportsWithoutMailTest extends WebTest {

	static final String ID = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Reports reports;

	@Autowired
	ServiceRepository services;

	@Autowired
	org.springframework.beans.factory.ObjectProvider<JavaMailSender> mail;

	@BeforeEach
	void directory() throws Exception {
		clear();
		Staffing.reset(this.jdbc);
		this.jdbc.update("DELETE FROM rate_limit");
		load("council", resource("every-field.json"));
		this.accounts.add(new StaffAccounts.NewAccount("curator@example.org", "Cal Curator", "Council", Role.CURATOR,
				Set.of(), Workspace.PASSWORD), Instant.now());
	}

	private String kinds(long id) {
		return this.jdbc.queryForList(
				"SELECT kind || ':' || COALESCE(text, '') FROM feedback_event WHERE feedback_id = ? ORDER BY at, id",
				String.class, id)
			.toString();
	}

	@Test
	void nothingIsSentAndTheHistorySaysWhy() throws Exception {
		assertThat(this.mail.getIfAvailable()).isNull();
		// Stored as the form stores it: in this shared context an earlier class's csrf()
		// may
		// have swapped the public form's token store, so the form itself is posted in
		// ReportsQueueTest.
		long id = this.reports.receive(this.services.findById(ID).orElseThrow(),
				new ReportForm("phone", "01632 960999", "resident@example.net"), Instant.now());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(kinds(id)).contains("notEmailed:" + ReportMail.NO_MAIL_SERVER));

		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");
		String page = this.mvc.perform(get("/manage/reports/" + id).session(curator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Not emailed to the publisher: no mail server is set up");
		this.mvc
			.perform(post("/manage/reports/" + id + "/state").session(curator)
				.param("_csrf", Workspace.token(page))
				.param("state", "fixed"))
			.andExpect(redirectedUrl("/manage/reports/" + id));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(kinds(id)).contains("notTold:" + ReportMail.NO_MAIL_SERVER));
		assertThat(this.jdbc.queryForObject("SELECT email FROM feedback WHERE id = ?", String.class, id)).isNull();
	}

}
