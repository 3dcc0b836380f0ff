package uk.signpost.feedback;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import uk.signpost.directory.PublisherContacts;
import uk.signpost.settings.SignpostProperties;

/**
 * The mail a report causes, sent after the request that caused it has been answered: a
 * new report to its publisher's contact, and a closed one to the resident who left an
 * email, whose address is then erased. Spring Modulith keeps each event until its
 * listener has finished, so a mail server that is down, or a site that stops, delays a
 * mail but does not lose it. Without spring.mail.host there is no mail sender: the
 * report's history says it was not emailed.
 */
@Component
class ReportMail {

	/** Why a mail was not sent, as feedback_event.text. */
	static final String NO_MAIL_SERVER = "noMailServer";

	static final String NO_CONTACT = "noContact";

	private final Reports reports;

	private final PublisherContacts contacts;

	private final ObjectProvider<JavaMailSender> mail;

	private final SignpostProperties properties;

	private final MessageSourceAccessor text;

	ReportMail(Reports reports, PublisherContacts contacts, ObjectProvider<JavaMailSender> mail,
			SignpostProperties properties, MessageSource messages) {
		this.reports = reports;
		this.contacts = contacts;
		this.mail = mail;
		this.properties = properties;
		this.text = new MessageSourceAccessor(messages);
	}

	@ApplicationModuleListener
	void received(ReportReceived event) {
		Reports.Report report = this.reports.find(event.id()).orElse(null);
		if (report == null) {
			return;
		}
		JavaMailSender sender = this.mail.getIfAvailable();
		String contact = this.contacts.contact(report.publisherId()).map(PublisherContacts.Contact::email).orElse(null);
		if (sender == null || contact == null) {
			this.reports.event(report.id(), null, "notEmailed", null, sender == null ? NO_MAIL_SERVER : NO_CONTACT,
					Instant.now());
			return;
		}
		String service = name(report);
		List<String> lines = new ArrayList<>();
		lines.add(this.text.getMessage("mail.publisher.intro", new Object[] { service }));
		lines.add("");
		lines.add(this.text.getMessage("mail.publisher.problem",
				new Object[] { this.text.getMessage("report.problem." + report.problem()) }));
		if (report.correction() != null) {
			lines.add(this.text.getMessage("mail.publisher.correction", new Object[] { report.correction() }));
		}
		lines.add("");
		lines.add(this.text.getMessage("mail.publisher.record", new Object[] { page(report) }));
		lines.add(this.text.getMessage("mail.publisher.workspace",
				new Object[] { this.properties.getSiteUrl() + "/manage/reports/" + report.id() }));
		lines.add("");
		lines.add(this.text.getMessage("mail.publisher.fix"));
		send(sender, contact, this.text.getMessage("mail.publisher.subject", new Object[] { service }), lines);
		this.reports.event(report.id(), null, "emailed", null, contact, Instant.now());
	}

	@ApplicationModuleListener
	void closed(ReportClosed event) {
		Reports.Report report = this.reports.find(event.id()).orElse(null);
		if (report == null || report.email() == null || report.state().isOpen()) {
			return;
		}
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			this.reports.event(report.id(), null, "notTold", null, NO_MAIL_SERVER, Instant.now());
		}
		else {
			String service = name(report);
			List<String> lines = new ArrayList<>();
			lines.add(report.state() == ReportState.FIXED
					? this.text.getMessage("mail.resident.fixed", new Object[] { service })
					: this.text.getMessage("mail.resident.noChange", new Object[] { service }));
			if (report.state() == ReportState.NO_CHANGE && report.reason() != null) {
				lines.add("");
				lines.add(report.reason());
			}
			lines.add("");
			lines.add(this.text.getMessage("mail.resident.record", new Object[] { page(report) }));
			lines.add("");
			lines.add(this.text.getMessage("mail.resident.erased"));
			send(sender, report.email(), this.text.getMessage("mail.resident.subject", new Object[] { service }),
					lines);
			this.reports.event(report.id(), null, "told", null, null, Instant.now());
		}
		this.reports.eraseEmail(report.id());
	}

	private String name(Reports.Report report) {
		return report.serviceName() == null ? report.serviceId() : report.serviceName();
	}

	private String page(Reports.Report report) {
		return this.properties.getSiteUrl() + "/services/" + report.serviceId();
	}

	private void send(JavaMailSender sender, String to, String subject, List<String> lines) {
		MimeMessage message = sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(this.properties.getMailFrom());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(String.join("\n", lines));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException(ex);
		}
		sender.send(message);
	}

}
