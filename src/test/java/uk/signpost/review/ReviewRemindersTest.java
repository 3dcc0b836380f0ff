package uk.signpost.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.MailWebTest;
import uk.signpost.directory.PublisherContacts;
import uk.signpost.directory.RecordId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly reminder through a real SMTP server: each publisher's contact gets its
 * overdue and soon-due services once a week, however often the sender runs.
 */
class ReviewRemindersTest extends MailWebTest {

	/** A Monday, 7am in London. */
	static final Instant MONDAY = LocalDate.of(2026, 12, 7).atTime(7, 0).toInstant(ZoneOffset.UTC);

	@Autowired
	ReviewReminders reminders;

	@Autowired
	PublisherContacts contacts;

	@BeforeEach
	void directory() throws Exception {
		clear();
		this.jdbc.update("DELETE FROM service_check");
		this.jdbc.update("DELETE FROM review_reminder");
		this.jdbc.update("DELETE FROM publisher_contact");
		load("council", """
				[{"id": "old", "name": "Old lunch club", "status": "active", "assured_date": "2025-06-01",
				  "organization": {"id": "org", "name": "Council", "email": "directory@council.example.org"}},
				 {"id": "soon", "name": "Soon club", "status": "active", "assured_date": "2025-12-20"},
				 {"id": "fine", "name": "Fine club", "status": "active", "assured_date": "2026-11-01"}]""");
		// Nothing due: no mail, whatever its contact.
		load("quiet", """
				[{"id": "fine", "name": "Quiet club", "status": "active", "assured_date": "2026-11-01"}]""");
		this.contacts.set("quiet", "quiet@example.org", Instant.now());
		// Due, but nobody to tell.
		load("nobody", """
				[{"id": "old", "name": "Lost club", "status": "active", "assured_date": "2024-01-01"}]""");
	}

	@Test
	void eachPublishersContactGetsItsDueServicesOnceAWeek() throws Exception {
		assertThat(this.reminders.send(MONDAY)).isEqualTo(1);
		MimeMessage[] mail = MAIL.getReceivedMessages();
		assertThat(mail).hasSize(1);
		assertThat(mail[0].getAllRecipients()[0].toString()).isEqualTo("directory@council.example.org");
		assertThat(mail[0].getFrom()[0].toString()).contains("no-reply@signpost.example.org");
		assertThat(mail[0].getSubject()).isEqualTo("2 of your services on Signpost are due for review");
		String body = ((String) mail[0].getContent()).replace("\r\n", "\n");
		assertThat(body).contains("published by council are overdue for review, or due by 6 January 2027")
			.containsSubsequence(
					"- Old lunch club (Overdue): https://signpost.example.org/services/"
							+ RecordId.of("council", "service", "old"),
					"- Soon club (Due soon): https://signpost.example.org/services/"
							+ RecordId.of("council", "service", "soon"))
			.contains("https://signpost.example.org/manage/reviews?publisher=council")
			.doesNotContain("Fine club")
			.doesNotContain("Quiet club")
			.doesNotContain("Lost club");
		// Again the same week (a restart, a second node): nothing more.
		assertThat(this.reminders.send(MONDAY.plusSeconds(3600))).isZero();
		assertThat(this.reminders.send(MONDAY.plusSeconds(5 * 86400))).isZero();
		assertThat(MAIL.getReceivedMessages()).hasSize(1);
		// The next week, again.
		assertThat(this.reminders.send(MONDAY.plusSeconds(7 * 86400))).isEqualTo(1);
		assertThat(MAIL.getReceivedMessages()).hasSize(2);
	}

	@Test
	void aRecordedCheckTakesAServiceOffTheReminder() throws Exception {
		this.jdbc.update(
				"INSERT INTO service_check (service_id, account_id, name, organisation, checked_at) VALUES (?, 1, ?, ?, ?)",
				RecordId.of("council", "service", "old"), "Sam Patel", "Lancashire County Council",
				MONDAY.minusSeconds(86400).atOffset(ZoneOffset.UTC));
		assertThat(this.reminders.send(MONDAY)).isEqualTo(1);
		String body = (String) MAIL.getReceivedMessages()[0].getContent();
		assertThat(body).contains("Soon club").doesNotContain("Old lunch club");
		assertThat(MAIL.getReceivedMessages()[0].getSubject())
			.isEqualTo("1 of your services on Signpost is due for review");
	}

}
