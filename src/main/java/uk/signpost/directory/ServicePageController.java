package uk.signpost.directory;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A service's own page, at its ORUK id. */
@Controller
class ServicePageController {

	private final ServicePages pages;

	private final MessageSourceAccessor text;

	ServicePageController(ServicePages pages, MessageSource messages) {
		this.pages = pages;
		this.text = new MessageSourceAccessor(messages);
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
		model.addAttribute("back", back);
		if (page.service().isWithdrawn()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("name", page.service().name());
			return "service-withdrawn";
		}
		model.addAttribute("page", page);
		return "service";
	}

}
