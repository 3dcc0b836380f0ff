package uk.signpost.web;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import uk.signpost.content.ContentPages;
import uk.signpost.govuk.Dates;

/**
 * The long-form pages (the accessibility statement, the privacy notice), written in
 * Markdown under content/pages so content designers edit them without Java.
 */
@Controller
class InformationController {

	private final ContentPages pages;

	private final MessageSourceAccessor text;

	InformationController(ContentPages pages, MessageSource messages) {
		this.pages = pages;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/{name:accessibility|privacy}")
	String page(@PathVariable String name, Model model) {
		ContentPages.Page page = this.pages.page(name);
		if (page == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("page", page);
		model.addAttribute("reviewed", Dates.date(page.lastReviewed(), this.text));
		return "content-page";
	}

}
