package uk.signpost.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.signpost.directory.DirectorySummary;
import uk.signpost.directory.PublisherContacts;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.SummaryRow;
import uk.signpost.govuk.SummaryRow.Line;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;
import uk.signpost.staff.Audit;
import uk.signpost.staff.Staff;
import uk.signpost.staff.StaffAccounts;

/**
 * The workspace's Feeds: each publisher's services, latest imports and what they found
 * wrong, and where its problem reports and review reminders go. A publisher account sees
 * and changes only its own publishers; another's is not found.
 */
@Controller
class FeedsController {

	/** Imports listed on a feed's page. */
	static final int RECENT = 10;

	private final DirectorySummary.Reader directory;

	private final ImportRunRepository runs;

	private final PublisherContacts contacts;

	private final Audit audit;

	private final MessageSourceAccessor text;

	FeedsController(DirectorySummary.Reader directory, ImportRunRepository runs, PublisherContacts contacts,
			Audit audit, MessageSource messages) {
		this.directory = directory;
		this.runs = runs;
		this.contacts = contacts;
		this.audit = audit;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/manage/feeds")
	String feeds(HttpServletRequest request, Model model) {
		Staff staff = Staff.current(request);
		List<List<Cell>> rows = new ArrayList<>();
		for (DirectorySummary.PublisherLine publisher : this.directory.read().publishers()) {
			if (!staff.sees(publisher.id())) {
				continue;
			}
			var latest = this.runs.recent(publisher.id(), 1).stream().findFirst();
			rows.add(
					List.of(Cell.link(publisher.name(), "/manage/feeds/" + publisher.id()),
							Cell.of(String.valueOf(publisher.services())),
							Cell.of(latest
								.map(run -> this.text.getMessage("feeds.run",
										new Object[] { when(run.startedAt()),
												this.text.getMessage("feeds.outcome."
														+ run.outcome().name().toLowerCase(Locale.ROOT)) }))
								.orElse(this.text.getMessage("feeds.never"))),
							Cell.of(latest.map(run -> String.valueOf(run.problems())).orElse("0")),
							Cell.of(this.contacts.contact(publisher.id())
								.map(PublisherContacts.Contact::email)
								.orElse(this.text.getMessage("feeds.contact.none")))));
		}
		model.addAttribute("table", new Table(this.text.getMessage("feeds.caption"),
				List.of(this.text.getMessage("feeds.publisher"), this.text.getMessage("feeds.services"),
						this.text.getMessage("feeds.latest"), this.text.getMessage("feeds.problems"),
						this.text.getMessage("feeds.contact")),
				List.of(false, true, false, true, false), rows));
		return "manage/feeds";
	}

	@GetMapping("/manage/feeds/{id}")
	String feed(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(id, null, null, request, response, model);
	}

	@PostMapping("/manage/feeds/{id}/contact")
	String contact(@PathVariable String id, @RequestParam(required = false) String email, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes flash) {
		String typed = email == null ? "" : email.strip();
		if (!typed.isEmpty() && !uk.signpost.directory.Emails.valid(typed)) {
			return page(id, typed, this.text.getMessage("feeds.contact.error"), request, response, model);
		}
		Staff staff = Staff.current(request);
		if (publisher(id, staff) == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		this.contacts.set(id, typed, Instant.now());
		this.audit.record(staff, "contact-set", "publisher", id, typed.isEmpty() ? "removed" : typed);
		flash.addFlashAttribute("done", this.text.getMessage("feeds.contact.saved"));
		return "redirect:/manage/feeds/" + id;
	}

	private String page(String id, String typed, String error, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		DirectorySummary.PublisherLine publisher = publisher(id, Staff.current(request));
		if (publisher == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		var contact = this.contacts.contact(id);
		List<SummaryRow> about = List
			.of(SummaryRow.of(this.text.getMessage("feeds.id"), List.of(Line.text(publisher.id()))),
					SummaryRow.of(this.text.getMessage("feeds.services"),
							List.of(Line.text(String.valueOf(publisher.services())))),
					SummaryRow.of(this.text.getMessage("feeds.lastImported"),
							List.of(Line.text(publisher.lastImportedAt() == null ? this.text.getMessage("feeds.never")
									: when(publisher.lastImportedAt())))),
					SummaryRow.of(
							this.text.getMessage("feeds.contact"), List.of(
									Line.text(
											contact
												.map(c -> this.text.getMessage(
														"feeds.contact.from."
																+ c.source().name().toLowerCase(Locale.ROOT),
														new Object[] { c.email() }))
												.orElse(this.text.getMessage("feeds.contact.none"))))));
		List<List<Cell>> rows = this.runs.recent(id, RECENT)
			.stream()
			.map(run -> List.of(Cell.of(when(run.startedAt())),
					Cell.of(this.text.getMessage("feeds.outcome." + run.outcome().name().toLowerCase(Locale.ROOT))),
					Cell.of(String.valueOf(run.created())), Cell.of(String.valueOf(run.updated())),
					Cell.of(String.valueOf(run.withdrawn())), Cell.of(String.valueOf(run.skipped())),
					Cell.of(String.valueOf(run.problems()))))
			.toList();
		Table imports = new Table(this.text.getMessage("feeds.imports.caption"),
				List.of(this.text.getMessage("feeds.imports.when"), this.text.getMessage("feeds.imports.outcome"),
						this.text.getMessage("feeds.imports.created"), this.text.getMessage("feeds.imports.updated"),
						this.text.getMessage("feeds.imports.withdrawn"), this.text.getMessage("feeds.imports.skipped"),
						this.text.getMessage("feeds.problems")),
				List.of(false, false, true, true, true, true, true), rows);
		String value = typed != null ? typed
				: contact.filter(c -> c.source() == PublisherContacts.Source.WORKSPACE)
					.map(PublisherContacts.Contact::email)
					.orElse(null);
		model.addAttribute("publisher", publisher);
		model.addAttribute("about", about);
		model.addAttribute("imports", imports);
		model.addAttribute("email", new Field("email", "email", "email", this.text.getMessage("feeds.contact.label"),
				this.text.getMessage("feeds.contact.hint"), value, error, null, null, "email"));
		model.addAttribute("problems",
				error == null ? List.of() : List.of(new uk.signpost.govuk.Problem("#email", error)));
		if (error != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "manage/feed";
	}

	private DirectorySummary.PublisherLine publisher(String id, Staff staff) {
		if (!staff.sees(id)) {
			return null;
		}
		return this.directory.read().publishers().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
	}

	private String when(Instant at) {
		return Dates.dateTime(at.atZone(Validity.UK), this.text);
	}

}
