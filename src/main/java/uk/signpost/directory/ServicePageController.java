package uk.signpost.directory;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import uk.signpost.govuk.Dates;

/** A service's own page, at its ORUK id. */
@Controller
class ServicePageController {

	private final ServicePages pages;

	private final MessageSourceAccessor text;

	private final ObjectProvider<ReportedProblems> reported;

	private final ApplicationEventPublisher events;

	ServicePageController(ServicePages pages, MessageSource messages, ObjectProvider<ReportedProblems> reported,
			ApplicationEventPublisher events) {
		this.pages = pages;
		this.events = events;
		this.text = new MessageSourceAccessor(messages);
		this.reported = reported;
	}

	/** from: the results page the person came from, to go back to. */
	@GetMapping("/services/{id}")
	String service(@PathVariable String id, @RequestParam(required = false) String from, Model model,
			HttpServletResponse response) {
		// Only our own search pages: never send people to another site.
		String back = from != null && from.startsWith("/search") ? from : "/search";
		ServicePage page = this.pages.find(id, back, this.text).orElse(null);
		if (page == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		if (page.ledBy() != null) {
			// Another publisher's copy of the same service leads (ADR 0016): one page for
			// the service, and old links to this copy still reach it. Not permanent: a
			// curator may split the group again.
			return "redirect:" + UriComponentsBuilder.fromPath("/services/{id}")
				.queryParamIfPresent("from", Optional.ofNullable(from).filter(f -> f.startsWith("/search")))
				.buildAndExpand(page.ledBy())
				.encode()
				.toUriString();
		}
		model.addAttribute("back", back);
		if (page.service().isWithdrawn()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("name", page.service().name());
			return "service-withdrawn";
		}
		model.addAttribute("page", page);
		model.addAttribute("reported", reported(id));
		this.events.publishEvent(new ServiceViewed(id, page.service().publisherId(),
				back.startsWith("/search?") ? back.substring("/search?".length()) : null));
		return "service";
	}

	/**
	 * The contact summary's phone, email and website links come through here to be
	 * counted, and go on to that service's own number or address: nothing else, so this
	 * is never a way to send people to another site.
	 */
	@GetMapping("/services/{id}/go/{kind}")
	ResponseEntity<Void> go(@PathVariable String id, @PathVariable String kind) {
		ContactClicked.Kind clicked = ContactClicked.Kind.of(kind);
		ServicePage page = clicked == null ? null : this.pages.find(id, "/search", this.text).orElse(null);
		String target = page == null || page.service().isWithdrawn() ? null : page.contact(clicked);
		if (target == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.events.publishEvent(new ContactClicked(id, page.service().publisherId(), clicked));
		// The address as it is, not a view's redirect: that would read {braces} in a
		// website as template variables.
		return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, target).build();
	}

	/**
	 * "Someone reported a problem with this information on 3 December 2026. It is being
	 * checked." while a report is open; never what was reported. Null for no notice.
	 */
	private String reported(String id) {
		ReportedProblems problems = this.reported.getIfAvailable();
		return problems == null ? null
				: problems.openSince(id)
					.map(at -> this.text.getMessage("service.reported",
							new Object[] { Dates.date(at.atZone(Validity.UK), this.text) }))
					.orElse(null);
	}

}
