package uk.signpost.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import uk.signpost.staff.Role;
import uk.signpost.staff.Staff;
import uk.signpost.staff.StaffAccounts;

/**
 * The workspace's problem reports: the queue and each report, where staff move it on,
 * assign it and add notes. The workspace's chain lets only signed-in staff here; this
 * narrows each to the publishers the person may see, and a report of any other publisher
 * is not found (404, not 403, so its number says nothing).
 */
@Controller
class ReportsController {

	/** Reports a page of the queue. */
	static final int PAGE = 50;

	/** The longest note or reason: feedback_event.text holds 2,000. */
	static final int LONGEST = 2000;

	private final Reports reports;

	private final StaffAccounts accounts;

	private final MessageSourceAccessor text;

	ReportsController(Reports reports, StaffAccounts accounts, MessageSource messages) {
		this.reports = reports;
		this.accounts = accounts;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/manage/reports")
	String queue(@RequestParam(required = false) String state, @RequestParam(required = false) String publisher,
			@RequestParam(required = false) String problem, @RequestParam(required = false) String age,
			@RequestParam(required = false) String page, HttpServletRequest request, Model model) {
		Staff staff = Staff.current(request);
		var publishers = this.reports.publishers(staff.scope());
		// A publisher the select does not offer (unknown, or another's) filters nothing,
		// as
		// other values the page does not offer do: the select then says what is shown.
		String offered = publishers.stream().anyMatch(p -> p.id().equals(publisher)) ? publisher : null;
		ReportFilter filter = ReportFilter.of(state, offered, problem, age, page);
		Instant now = Instant.now();
		var counts = this.reports.counts(filter, staff.scope(), now);
		long total = ReportFilter.ALL.equals(filter.state()) ? counts.values().stream().mapToLong(Long::longValue).sum()
				: filter.states().stream().mapToLong(key -> counts.get(ReportState.parse(key))).sum();
		int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
		int number = Math.min(pages, filter.page());
		model.addAttribute("page", new ReportsPage(filter, counts, total,
				this.reports.queue(filter, staff.scope(), now, (number - 1) * PAGE, PAGE), publishers, this.text));
		model.addAttribute("number", number);
		model.addAttribute("pages", pages);
		return "manage/reports";
	}

	@GetMapping("/manage/reports/{id}")
	String report(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Reports.Report report = visible(id, request).orElse(null);
		if (report == null) {
			return notFound(response);
		}
		return page(report, Staff.current(request), Map.of(), Map.of(), model);
	}

	@PostMapping("/manage/reports/{id}/state")
	String state(@PathVariable String id, @RequestParam(required = false) String state,
			@RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes done) {
		Reports.Report report = visible(id, request).orElse(null);
		if (report == null) {
			return notFound(response);
		}
		Staff staff = Staff.current(request);
		ReportState to = ReportState.parse(state);
		String why = ReportForm.typed(reason);
		Map<String, String> errors = new LinkedHashMap<>();
		if (to == null || !report.state().next().contains(to)) {
			errors.put("state", "reports.error.state");
		}
		else if (to == ReportState.NO_CHANGE && why == null) {
			errors.put("reason", "reports.error.reason");
		}
		if (why != null && why.length() > LONGEST) {
			errors.put("reason", "reports.error.reason.long");
		}
		if (errors.isEmpty() && !this.reports.changeState(report, to, why, staff, Instant.now())) {
			errors.put("state", "reports.error.moved");
		}
		if (!errors.isEmpty()) {
			return invalid(this.reports.find(report.id()).orElseThrow(), staff, errors,
					Map.of("state", state == null ? "" : state, "reason", reason == null ? "" : reason), response,
					model);
		}
		done.addFlashAttribute("done", this.text.getMessage("reports.done.state",
				new Object[] { this.text.getMessage("report.state." + to.key) }));
		return "redirect:/manage/reports/" + report.id();
	}

	@PostMapping("/manage/reports/{id}/assign")
	String assign(@PathVariable String id, @RequestParam(required = false) String account, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes done) {
		Reports.Report report = visible(id, request).orElse(null);
		if (report == null) {
			return notFound(response);
		}
		Staff staff = Staff.current(request);
		String chosen = ReportForm.typed(account);
		Optional<StaffAccounts.Account> to = assignable(report).stream()
			.filter(a -> String.valueOf(a.id()).equals(chosen))
			.findFirst();
		if (chosen != null && to.isEmpty()) {
			return invalid(report, staff, Map.of("account", "reports.error.account"), Map.of(), response, model);
		}
		this.reports.assign(report, to.map(StaffAccounts.Account::id).orElse(null),
				to.map(StaffAccounts.Account::name).orElse(null), staff, Instant.now());
		done.addFlashAttribute("done", this.text.getMessage("reports.done.assigned"));
		return "redirect:/manage/reports/" + report.id();
	}

	@PostMapping("/manage/reports/{id}/note")
	String note(@PathVariable String id, @RequestParam(required = false) String note, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes done) {
		Reports.Report report = visible(id, request).orElse(null);
		if (report == null) {
			return notFound(response);
		}
		Staff staff = Staff.current(request);
		String written = ReportForm.typed(note);
		String error = written == null ? "reports.error.note"
				: written.length() > LONGEST ? "reports.error.note.long" : null;
		if (error != null) {
			return invalid(report, staff, Map.of("note", error), Map.of("note", note == null ? "" : note), response,
					model);
		}
		this.reports.note(report, written, staff, Instant.now());
		done.addFlashAttribute("done", this.text.getMessage("reports.done.note"));
		return "redirect:/manage/reports/" + report.id();
	}

	/**
	 * The report with this id if the signed-in person may see it: an id that is not a
	 * number, no such report and another publisher's report are all simply not found.
	 */
	private Optional<Reports.Report> visible(String id, HttpServletRequest request) {
		Staff staff = Staff.current(request);
		if (staff == null || id == null || !id.matches("[0-9]{1,18}")) {
			return Optional.empty();
		}
		return this.reports.find(Long.parseLong(id)).filter(report -> staff.sees(report.publisherId()));
	}

	/** Who a report may be given to: enabled accounts that may see its publisher. */
	private List<StaffAccounts.Account> assignable(Reports.Report report) {
		return this.accounts.all()
			.stream()
			.filter(StaffAccounts.Account::enabled)
			.filter(a -> a.role() != Role.PUBLISHER || a.publisherIds().contains(report.publisherId()))
			.toList();
	}

	private String page(Reports.Report report, Staff staff, Map<String, String> errors, Map<String, String> typed,
			Model model) {
		model.addAttribute("page", new ReportDetailPage(report, this.reports.history(report.id()), assignable(report),
				staff.role() != Role.PUBLISHER, errors, typed, this.text));
		return "manage/report";
	}

	/** The report's page again, with what was typed and what is wrong with it. */
	private String invalid(Reports.Report report, Staff staff, Map<String, String> errors, Map<String, String> typed,
			HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(report, staff, errors, typed, model);
	}

	private static String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return "error/404";
	}

}
