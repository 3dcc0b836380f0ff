package uk.signpost.duplicates;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import uk.signpost.directory.ServiceChecks;
import uk.signpost.govuk.PageLinks;
import uk.signpost.staff.Audit;
import uk.signpost.staff.Staff;

/**
 * /manage/duplicates: the pairs of services two publishers may both list, for curators
 * and admins to confirm or reject. A publisher account sees only its own services
 * anywhere else, and a pair is two publishers', so the page is not found for it.
 */
@Controller
class DuplicatesController {

	private final DuplicatePairs pairs;

	private final ServiceChecks checks;

	private final Audit audit;

	private final Clock clock;

	private final MessageSourceAccessor text;

	DuplicatesController(DuplicatePairs pairs, ServiceChecks checks, Audit audit, ObjectProvider<Clock> clock,
			MessageSource messages) {
		this.pairs = pairs;
		this.checks = checks;
		this.audit = audit;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/manage/duplicates")
	String list(@RequestParam(required = false) String state, @RequestParam(required = false) String page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		if (staff.scope() != null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		DuplicatePairs.State shown = DuplicatesPage.state(state);
		Map<DuplicatePairs.State, Long> counts = this.pairs.counts();
		int pages = DuplicatesPage.pages(counts.get(shown));
		int number = PageLinks.number(page, pages);
		List<DuplicatePairs.Pair> list = this.pairs.inState(shown, (number - 1) * DuplicatesPage.PAGE,
				DuplicatesPage.PAGE);
		List<String> ids = new ArrayList<>();
		list.forEach(p -> ids.addAll(List.of(p.serviceA(), p.serviceB())));
		model.addAttribute("page", DuplicatesPage.of(shown, counts, list, this.pairs.sides(ids),
				this.checks.latest(ids), number, pages, (String) model.getAttribute("done"), this.text));
		return "manage/duplicates";
	}

	/** Confirm or reject a pair, from the list's buttons; back to the same list. */
	@PostMapping("/manage/duplicates/{a}/{b}/{decision:confirm|reject}")
	String decide(@PathVariable String a, @PathVariable String b, @PathVariable String decision,
			@RequestParam(required = false) String state, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		DuplicatePairs.State to = decision.equals("confirm") ? DuplicatePairs.State.CONFIRMED
				: DuplicatePairs.State.REJECTED;
		if (staff.scope() != null || !this.pairs.decide(a, b, to, staff.email(), this.clock.instant())) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		Map<String, DuplicatePairs.Side> sides = this.pairs.sides(List.of(a, b));
		String first = sides.containsKey(a) ? sides.get(a).name() : a;
		String second = sides.containsKey(b) ? sides.get(b).name() : b;
		this.audit.record(staff, "duplicate-" + to.key(), "service-pair", a + " " + b, first + " / " + second);
		redirect.addFlashAttribute("done",
				this.text.getMessage("duplicates.done." + to.key(), new Object[] { first, second }));
		return "redirect:" + DuplicatesPage.address(DuplicatesPage.state(state), 1);
	}

}
