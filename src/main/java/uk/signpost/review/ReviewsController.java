package uk.signpost.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
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

import uk.signpost.directory.Publisher;
import uk.signpost.directory.PublisherRepository;
import uk.signpost.directory.ServiceChecks;
import uk.signpost.directory.Validity;
import uk.signpost.settings.SignpostProperties;
import uk.signpost.staff.Staff;

/**
 * /manage/reviews: the services due for review that the signed-in person may see (a
 * publisher account only its publishers'), and "Mark as checked". The workspace's chain
 * lets only signed-in staff in; the scope is checked here, and a service the person may
 * not see is not found.
 */
@Controller
class ReviewsController {

	private final Reviews reviews;

	private final PublisherRepository publishers;

	private final ServiceChecks checks;

	private final SignpostProperties.Reviews settings;

	private final Clock clock;

	private final MessageSourceAccessor text;

	ReviewsController(Reviews reviews, PublisherRepository publishers, ServiceChecks checks,
			SignpostProperties properties, ObjectProvider<Clock> clock, MessageSource messages) {
		this.reviews = reviews;
		this.publishers = publishers;
		this.checks = checks;
		this.settings = properties.getReviews();
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.text = new MessageSourceAccessor(messages);
	}

	/**
	 * publisher: one of the person's publishers to show alone; anything else shows all.
	 */
	@GetMapping("/manage/reviews")
	String reviews(@RequestParam(required = false) String publisher, @RequestParam(required = false) String page,
			HttpServletRequest request, Model model) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		List<Publisher> visible = staff.visible(this.publishers.findAll());
		String filter = visible.stream().map(Publisher::id).filter(id -> id.equals(publisher)).findFirst().orElse(null);
		LocalDate today = Validity.today(this.clock);
		List<Reviews.Due> due = this.reviews.due(filter != null ? Set.of(filter) : staff.scope(), today,
				this.settings.getSoon());
		int number = ReviewsPage.number(page, ReviewsPage.pages(due.size()));
		var recorded = this.checks.latest(ReviewsPage.slice(due, number).stream().map(Reviews.Due::serviceId).toList());
		model.addAttribute("page", ReviewsPage.of(due, number, visible, filter, today,
				today.plus(this.settings.getSoon()), recorded, (String) model.getAttribute("done"), this.text));
		return "manage/reviews";
	}

	/** "I have checked this information is correct", from the list's button. */
	@PostMapping("/manage/reviews/{id}/check")
	String check(@PathVariable String id, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String page, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		var service = this.reviews.reviewable(id, staff).orElse(null);
		if (service == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		this.reviews.check(service, staff, this.clock.instant());
		redirect.addFlashAttribute("done", this.text.getMessage("reviews.done", new Object[] { service.name() }));
		String filter = publisher != null && staff.sees(publisher) && publisher.matches("[a-z0-9-]{1,100}") ? publisher
				: null;
		// Back to the same page of the list, if it is still there.
		return "redirect:" + ReviewsPage.back(filter, ReviewsPage.number(page, Integer.MAX_VALUE));
	}

}
