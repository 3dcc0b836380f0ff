package uk.signpost.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import uk.signpost.directory.PublisherContacts;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.settings.SignpostProperties;

/**
 * Once a week, each publisher with services overdue or due soon is sent the list, at its
 * contact (directory.PublisherContacts). Each send is claimed first in review_reminder (a
 * row per publisher per ISO week), so a restart, a second run or another node in the same
 * week sends nothing again. Without a mail server (spring.mail.host) nothing is sent.
 */
@Component
class ReviewReminders {

	private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

	/** Services a mail names; the rest are in the workspace. */
	static final int MOST = 50;

	private final Reviews reviews;

	private final PublisherContacts contacts;

	private final ObjectProvider<JavaMailSender> mail;

	private final JdbcTemplate jdbc;

	private final SignpostProperties properties;

	private final Clock clock;

	private final MessageSourceAccessor text;

	ReviewReminders(Reviews reviews, PublisherContacts contacts, ObjectProvider<JavaMailSender> mail, JdbcTemplate jdbc,
			SignpostProperties properties, ObjectProvider<Clock> clock, MessageSource messages) {
		this.reviews = reviews;
		this.contacts = contacts;
		this.mail = mail;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.text = new MessageSourceAccessor(messages, Locale.UK);
	}

	@Scheduled(cron = "${signpost.reviews.reminder-cron:0 0 7 * * MON}",
			zone = "${signpost.reviews.reminder-zone:Europe/London}")
	@SchedulerLock(name = "review-reminders", lockAtMostFor = "PT30M")
	void weekly() {
		send(this.clock.instant());
	}

	/** Sends this week's reminders not sent yet; how many were sent. */
	int send(Instant now) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		ZonedDateTime local = now.atZone(ZoneId.of(this.properties.getReviews().getReminderZone()));
		String week = String.format(Locale.ROOT, "%d-W%02d", local.get(IsoFields.WEEK_BASED_YEAR),
				local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		LocalDate today = now.atZone(Validity.UK).toLocalDate();
		LocalDate by = today.plus(this.properties.getReviews().getSoon());
		Map<String, List<Reviews.Due>> byPublisher = new LinkedHashMap<>();
		this.reviews.due(null, today, this.properties.getReviews().getSoon())
			.forEach(due -> byPublisher.computeIfAbsent(due.publisherId(), id -> new ArrayList<>()).add(due));
		int sent = 0;
		for (List<Reviews.Due> due : byPublisher.values()) {
			String publisherId = due.get(0).publisherId();
			var contact = this.contacts.contact(publisherId).orElse(null);
			if (contact == null) {
				log.info("No contact for {}: no review reminder sent", publisherId);
				continue;
			}
			if (!claim(publisherId, week, now)) {
				continue;
			}
			try {
				sender.send(message(contact.email(), due, today, by));
				sent++;
			}
			catch (MailException ex) {
				// Let a later run this week (a restart, another node) try again.
				this.jdbc.update("DELETE FROM review_reminder WHERE publisher_id = ? AND week = ?", publisherId, week);
				log.warn("Review reminder to {} not sent: {}", publisherId, ex.getMessage());
			}
		}
		return sent;
	}

	/** Whether this run is the one to send the publisher's reminder this week. */
	private boolean claim(String publisherId, String week, Instant now) {
		try {
			this.jdbc.update("INSERT INTO review_reminder (publisher_id, week, sent_at) VALUES (?, ?, ?)", publisherId,
					week, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private SimpleMailMessage message(String to, List<Reviews.Due> due, LocalDate today, LocalDate by) {
		String site = this.properties.getSiteUrl();
		String publisher = due.get(0).publisherName();
		List<String> lines = new ArrayList<>();
		lines.add(words("reviews.mail.intro", publisher, Dates.date(by, this.text)));
		lines.add("");
		for (Reviews.Due service : due.subList(0, Math.min(MOST, due.size()))) {
			String when = service.overdue(today) ? words("reviews.overdue") : words("reviews.soon");
			lines.add(words("reviews.mail.line", service.name(), when, site + "/services/" + service.serviceId()));
		}
		if (due.size() > MOST) {
			lines.add(words("reviews.mail.more", due.size() - MOST));
		}
		lines.add("");
		lines.add(words("reviews.mail.workspace", site + "/manage/reviews?publisher=" + due.get(0).publisherId()));
		lines.add("");
		lines.add(words("reviews.mail.why", publisher));
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.getMailFrom());
		message.setTo(to);
		message.setSubject(words("reviews.mail.subject", due.size()));
		message.setText(String.join("\n", lines));
		return message;
	}

	private String words(String key, Object... arguments) {
		return this.text.getMessage(key, arguments);
	}

}
