package uk.signpost.feedback;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

import uk.signpost.MailWebTest;
import uk.signpost.WebTest;
import uk.signpost.directory.RecordId;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.directory.Validity;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workspace's problem reports against the real chain, database and a real SMTP
 * server: the queue and its filters, moving a report on, assigning, notes, history, the
 * mail to the publisher and to the resident, the public notice, who may see what, and the
 * audit log.
 */
class ReportsQueueTest extends MailWebTest {

	static final String COUNCIL = RecordId.of("council", "service", "3a1f6c52-0000-4000-8000-000000000001");

	static final String OTHER = RecordId.of("other", "service", "3a1f6c52-0000-4000-8000-000000000001");

	static final String RESIDENT = "resident@example.net";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Reports reports;

	@Autowired
	ServiceRepository services;

	@BeforeEach
	void directory() throws Exception {
		clear();
		Staffing.reset(this.jdbc);
		this.jdbc.update("DELETE FROM rate_limit");
		load("council", WebTest.resource("every-field.json"));
		load("other", WebTest.resource("every-field.json"));
		add("admin@example.org", "Ada Admin", Role.ADMIN, Set.of());
		add("curator@example.org", "Cal Curator", Role.CURATOR, Set.of());
		add("pat@council.example.org", "Pat Publisher", Role.PUBLISHER, Set.of("council"));
		add("olu@other.example.org", "Olu Other", Role.PUBLISHER, Set.of("other"));
		MAIL.purgeEmailFromAllMailboxes();
	}

	private void add(String email, String name, Role role, Set<String> publishers) {
		this.accounts.add(new StaffAccounts.NewAccount(email, name, "Lancashire County Council", role, publishers,
				Workspace.PASSWORD), Instant.now());
	}

	/** A report made at a given time, as the public form stores it. */
	private long report(String serviceId, String problem, String correction, String email, Instant at) {
		Service service = this.services.findById(serviceId).orElseThrow();
		return this.reports.receive(service, new ReportForm(problem, correction, email), at);
	}

	private String page(MockHttpSession session, String path, int status) throws Exception {
		var request = get(path);
		if (session != null) {
			request.session(session);
		}
		return this.mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	/** A form on the report's own page, sent with that page's token. */
	private ResultActions send(MockHttpSession session, long id, String action, String... fields) throws Exception {
		String page = this.mvc.perform(get("/manage/reports/" + id).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var request = post("/manage/reports/" + id + "/" + action).session(session)
			.param("_csrf", Workspace.token(page));
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return this.mvc.perform(request);
	}

	private String state(long id) {
		return this.jdbc.queryForObject("SELECT status FROM feedback WHERE id = ?", String.class, id);
	}

	private List<String> history(long id) {
		return this.jdbc.queryForList("SELECT kind FROM feedback_event WHERE feedback_id = ? ORDER BY at, id",
				String.class, id);
	}

	private void waitForHistory(long id, String kind) {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(history(id)).contains(kind));
	}

	@Test
	void aNewReportIsEmailedToThePublishersContactWithWhatWasReportedAndALinkButNotTheResidentsEmail()
			throws Exception {
		Workspace.report(this.mvc, COUNCIL, "phone", "The number is now 01632 960999", RESIDENT);
		assertThat(MAIL.waitForIncomingEmail(20_000, 1)).isTrue();
		MimeMessage mail = MAIL.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("office@foodbank.example.org");
		assertThat(mail.getFrom()[0].toString()).contains("no-reply@signpost.example.org");
		assertThat(mail.getSubject()).isEqualTo("Problem reported with Preston Foodbank");
		String body = mail.getContent().toString();
		assertThat(body).contains("What is wrong: The phone number is wrong")
			.contains("What it should say: The number is now 01632 960999")
			.contains("https://signpost.example.org/services/" + COUNCIL)
			.doesNotContain(RESIDENT);
		long id = this.jdbc.queryForObject("SELECT id FROM feedback", Long.class);
		waitForHistory(id, "emailed");
		assertThat(history(id)).containsExactly("received", "emailed");
		assertThat(this.jdbc.queryForObject("SELECT text FROM feedback_event WHERE kind = 'emailed'", String.class))
			.isEqualTo("office@foodbank.example.org");
		// The event is marked done, so a restart does not send it again.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc
				.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Integer.class))
				.isZero());
		String report = page(Workspace.signIn(this.mvc, "curator@example.org"), "/manage/reports/" + id, 200);
		assertThat(report).contains("Emailed to the publisher at office@foodbank.example.org")
			.contains("Report received");
	}

	@Test
	void theQueueFiltersByStatePublisherProblemAndAgeNewestFirstWithCountsPerState() throws Exception {
		Instant now = Instant.now();
		long phone = report(COUNCIL, "phone", "01632 960999", null, now.minus(Duration.ofDays(1)));
		long hours = report(COUNCIL, "hours", "Open Fridays", null, now.minus(Duration.ofHours(2)));
		long old = report(OTHER, "closed", null, null, now.minus(Duration.ofDays(40)));
		long fixed = report(OTHER, "address", "2 Church Street", null, now.minus(Duration.ofDays(3)));
		this.jdbc.update("UPDATE feedback SET status = 'fixed' WHERE id = ?", fixed);
		this.jdbc.update("UPDATE feedback SET status = 'sent' WHERE id = ?", hours);
		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");

		String open = page(curator, "/manage/reports", 200);
		assertThat(open).contains("New: 2")
			.contains("Sent to publisher: 1")
			.contains("Fixed: 1")
			.contains("No change needed: 0")
			.contains("3 reports");
		// Newest first; the fixed one is not open.
		assertThat(open.indexOf("/manage/reports/" + hours)).isLessThan(open.indexOf("/manage/reports/" + phone));
		assertThat(open.indexOf("/manage/reports/" + phone)).isLessThan(open.indexOf("/manage/reports/" + old));
		assertThat(open).doesNotContain("/manage/reports/" + fixed + "\"");

		assertThat(page(curator, "/manage/reports?state=fixed", 200)).contains("/manage/reports/" + fixed + "\"")
			.contains("1 report<");
		assertThat(page(curator, "/manage/reports?state=all&publisher=other", 200))
			.contains("/manage/reports/" + fixed + "\"")
			.contains("/manage/reports/" + old + "\"")
			.doesNotContain("/manage/reports/" + phone + "\"")
			.contains("New: 1")
			.contains("Fixed: 1")
			.contains("Sent to publisher: 0");
		assertThat(page(curator, "/manage/reports?problem=hours", 200)).contains("/manage/reports/" + hours + "\"")
			.doesNotContain("/manage/reports/" + phone + "\"");
		assertThat(page(curator, "/manage/reports?age=older", 200)).contains("/manage/reports/" + old + "\"")
			.doesNotContain("/manage/reports/" + phone + "\"")
			.contains("1 report<");
		assertThat(page(curator, "/manage/reports?age=week&state=all", 200))
			.doesNotContain("/manage/reports/" + old + "\"")
			.contains("3 reports");
		// Values the page does not offer read as no filter, an unknown publisher too.
		assertThat(page(curator, "/manage/reports?state=gone&problem=%00&age=-1&publisher=nobody&page=abc", 200))
			.doesNotContain("There are no reports like this.");
		assertThat(page(curator, "/manage/reports?state=zzz&page=999999999999", 200)).contains("3 reports");
	}

	@Test
	void aReportMovesFromNewToSentToFixedAndNoChangeNeedsAReason() throws Exception {
		long id = report(COUNCIL, "phone", "01632 960999", null, Instant.now());
		long other = report(COUNCIL, "hours", "Open Fridays", null, Instant.now());
		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");

		send(curator, id, "state", "state", "sent").andExpect(redirectedUrl("/manage/reports/" + id));
		assertThat(state(id)).isEqualTo("sent");
		assertThat(page(curator, "/manage/reports/" + id, 200)).contains("State changed to Sent to publisher");
		// Sent cannot go back to new; a state that does not exist is refused.
		assertThat(send(curator, id, "state", "state", "new").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Select a new state").contains("<title>Error:");
		send(curator, id, "state", "state", "<script>").andExpect(status().isBadRequest());
		send(curator, id, "state").andExpect(status().isBadRequest());
		send(curator, id, "state", "state", "fixed").andExpect(redirectedUrl("/manage/reports/" + id));
		assertThat(state(id)).isEqualTo("fixed");
		assertThat(this.jdbc.queryForObject("SELECT closed_at FROM feedback WHERE id = ?", Object.class, id))
			.isNotNull();
		// Closed is closed.
		send(curator, id, "state", "state", "sent").andExpect(status().isBadRequest());
		assertThat(page(curator, "/manage/reports/" + id, 200)).contains("This report is closed.");

		assertThat(
				send(curator, other, "state", "state", "no_change", "reason", "  ").andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString())
			.contains("Enter why no change is needed");
		assertThat(send(curator, other, "state", "state", "no_change", "reason", "x".repeat(2001))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("must be 2000 characters or fewer");
		assertThat(state(other)).isEqualTo("new");
		send(curator, other, "state", "state", "no_change", "reason", "The hours were right: we rang them")
			.andExpect(redirectedUrl("/manage/reports/" + other));
		assertThat(this.jdbc.queryForMap("SELECT status, reason FROM feedback WHERE id = ?", other))
			.containsEntry("status", "no_change")
			.containsEntry("reason", "The hours were right: we rang them");
		assertThat(page(curator, "/manage/reports/" + other, 200))
			.contains("State changed to No change needed: The hours were right: we rang them");
	}

	@Test
	void staffAssignReportsAndAddNotesWhichTheHistoryAndTheAuditLogKeepWithoutTheResidentsEmail() throws Exception {
		long id = report(COUNCIL, "phone", "01632 960999", RESIDENT, Instant.now());
		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");
		long pat = this.accounts.find("pat@council.example.org").orElseThrow().id();
		long olu = this.accounts.find("olu@other.example.org").orElseThrow().id();

		String report = page(curator, "/manage/reports/" + id, 200);
		// Only people who may see the council's reports can be given one; the resident's
		// email is there for the council's own staff.
		assertThat(report).contains("Pat Publisher").doesNotContain("Olu Other").contains(RESIDENT);
		send(curator, id, "assign", "account", String.valueOf(pat)).andExpect(redirectedUrl("/manage/reports/" + id));
		assertThat(this.jdbc.queryForObject("SELECT assigned_to FROM feedback WHERE id = ?", Long.class, id))
			.isEqualTo(pat);
		send(curator, id, "assign", "account", String.valueOf(olu)).andExpect(status().isBadRequest());
		assertThat(send(curator, id, "assign", "account", "abc").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Select who to assign the report to");
		assertThat(this.jdbc.queryForObject("SELECT assigned_to FROM feedback WHERE id = ?", Long.class, id))
			.isEqualTo(pat);

		send(curator, id, "note", "note", "Rang the food bank, left a message")
			.andExpect(redirectedUrl("/manage/reports/" + id));
		assertThat(send(curator, id, "note", "note", " ").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Enter a note");
		String tooLong = "y".repeat(2001);
		assertThat(send(curator, id, "note", "note", tooLong).andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("A note must be 2000 characters or fewer").contains(tooLong);
		send(curator, id, "state", "state", "sent").andExpect(redirectedUrl("/manage/reports/" + id));
		send(curator, id, "assign", "account", "").andExpect(redirectedUrl("/manage/reports/" + id));

		String after = page(curator, "/manage/reports/" + id, 200);
		assertThat(after).contains("Assigned to Pat Publisher")
			.contains("Note: Rang the food bank, left a message")
			.contains("Assigned to nobody")
			.contains("Cal Curator, Lancashire County Council");
		assertThat(history(id)).contains("received", "assigned", "note", "state", "unassigned");

		List<String> audit = this.jdbc.queryForList(
				"SELECT action FROM audit_log WHERE actor = 'curator@example.org' AND record_kind = 'report' AND record_id = ?",
				String.class, String.valueOf(id));
		assertThat(audit).containsExactlyInAnyOrder("report-assigned", "report-note", "report-state",
				"report-unassigned");
		assertThat(this.jdbc.queryForList("SELECT * FROM audit_log").toString()).doesNotContain(RESIDENT)
			.doesNotContain("Rang the food bank");
	}

	@Test
	void theResidentIsToldWhenTheirReportIsClosedAndTheirEmailIsThenErased() throws Exception {
		long id = report(COUNCIL, "hours", "Open Fridays", RESIDENT, Instant.now());
		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");
		send(curator, id, "state", "state", "no_change", "reason", "The hours on the page are right")
			.andExpect(redirectedUrl("/manage/reports/" + id));
		waitForHistory(id, "told");
		MimeMessage told = List.of(MAIL.getReceivedMessagesForDomain("example.net")).get(0);
		assertThat(told.getSubject()).isEqualTo("Your report about Preston Foodbank");
		assertThat(told.getContent().toString()).contains("does not need to change")
			.contains("The hours on the page are right")
			.contains("We have now deleted your email address");
		assertThat(this.jdbc.queryForObject("SELECT email FROM feedback WHERE id = ?", String.class, id)).isNull();
		assertThat(page(curator, "/manage/reports/" + id, 200)).doesNotContain(RESIDENT)
			.contains("Emailed the person who reported it, and deleted their email address");
		assertThat(this.jdbc.queryForList("SELECT * FROM event_publication").toString()).doesNotContain(RESIDENT);
	}

	@Test
	void theServicePageSaysAProblemWasReportedWhileItIsOpenButNotWhatAndNotOnceFixed() throws Exception {
		assertThat(page(null, "/services/" + COUNCIL, 200)).doesNotContain("Someone reported a problem");
		long id = report(COUNCIL, "phone", "Secret new number 01632 960999", null, Instant.now());
		String today = LocalDate.now(Validity.UK).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
		assertThat(page(null, "/services/" + COUNCIL, 200))
			.contains("<div class=\"govuk-inset-text\">Someone reported a problem with this information on " + today
					+ ". It is being checked.</div>")
			.doesNotContain("Secret new number");
		// Another publisher's copy of the service has no report.
		assertThat(page(null, "/services/" + OTHER, 200)).doesNotContain("Someone reported a problem");
		MockHttpSession curator = Workspace.signIn(this.mvc, "curator@example.org");
		send(curator, id, "state", "state", "sent");
		assertThat(page(null, "/services/" + COUNCIL, 200)).contains("Someone reported a problem");
		send(curator, id, "state", "state", "fixed");
		assertThat(page(null, "/services/" + COUNCIL, 200)).doesNotContain("Someone reported a problem");
	}

	@Test
	void everyRouteWantsSignInAndAPublisherSeesOnlyTheirOwnReports() throws Exception {
		long council = report(COUNCIL, "phone", "01632 960999", RESIDENT, Instant.now());
		long other = report(OTHER, "hours", "Open Fridays", null, Instant.now());
		for (String path : List.of("/manage/reports", "/manage/reports/" + council, "/manage/reports/abc")) {
			this.mvc.perform(get(path)).andExpect(redirectedUrl("/sign-in"));
		}
		for (String action : List.of("state", "assign", "note")) {
			int status = this.mvc
				.perform(post("/manage/reports/" + council + "/" + action).param("state", "fixed").param("note", "x"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(status).as(action).isIn(302, 403);
		}
		assertThat(state(council)).isEqualTo("new");

		MockHttpSession olu = Workspace.signIn(this.mvc, "olu@other.example.org");
		String queue = page(olu, "/manage/reports?state=all", 200);
		assertThat(queue).contains("/manage/reports/" + other + "\"")
			.doesNotContain("/manage/reports/" + council + "\"")
			.contains("1 report<")
			.doesNotContain("Preston Foodbank Trust");
		// Asking for the council's reports by filter shows none of them, only their own.
		assertThat(page(olu, "/manage/reports?publisher=council", 200)).contains("1 report<")
			.doesNotContain("/manage/reports/" + council + "\"");
		page(olu, "/manage/reports/" + council, 404);
		page(olu, "/manage/reports/999999", 404);
		page(olu, "/manage/reports/abc", 404);
		page(olu, "/manage/reports/99999999999999999999999", 404);
		String own = page(olu, "/manage/reports/" + other, 200);
		for (String action : List.of("state", "assign", "note")) {
			this.mvc
				.perform(post("/manage/reports/" + council + "/" + action).session(olu)
					.param("_csrf", Workspace.token(own))
					.param("state", "fixed")
					.param("note", "Not mine"))
				.andExpect(status().isNotFound());
		}
		assertThat(state(council)).isEqualTo("new");
		assertThat(history(council)).doesNotContain("note", "state");

		// A publisher's user works their own reports, and never sees a resident's email.
		MockHttpSession pat = Workspace.signIn(this.mvc, "pat@council.example.org");
		assertThat(page(pat, "/manage/reports/" + council, 200)).contains("01632 960999").doesNotContain(RESIDENT);
		send(pat, council, "note", "note", "We have updated our system")
			.andExpect(redirectedUrl("/manage/reports/" + council));
	}

}
