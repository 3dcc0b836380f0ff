package uk.signpost.feedback;

import java.time.Instant;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;

/**
 * "Report a problem with this service": one question page, the GOV.UK error summary when
 * something is missing, a confirmation page. Reports are stored with the service and its
 * publisher for the workspace's queue. A post from anywhere but the form itself never
 * gets here: Spring Security refuses it without the form's CSRF token
 * (uk.signpost.web.WebSecurity). A stored report is emailed to its publisher off the
 * request (ReportMail).
 */
@Controller
class ReportController {

	private final ServiceRepository services;

	private final Reports reports;

	private final ReportLimit limit;

	private final MessageSourceAccessor text;

	ReportController(ServiceRepository services, Reports reports, ReportLimit limit, MessageSource messages) {
		this.text = new MessageSourceAccessor(messages);
		this.services = services;
		this.reports = reports;
		this.limit = limit;
	}

	@GetMapping("/services/{id}/report")
	String form(@PathVariable String id, Model model, HttpServletResponse response) {
		Service service = service(id, response);
		if (service == null) {
			return "error/404";
		}
		return page(model, service, new ReportForm(null, null, null), Map.of());
	}

	@PostMapping("/services/{id}/report")
	String send(@PathVariable String id, ReportForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Service service = service(id, response);
		if (service == null) {
			return "error/404";
		}
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, service, form, errors);
		}
		if (!this.limit.allow(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("service", service);
			return "report-limit";
		}
		this.reports.receive(service, form, Instant.now());
		return "redirect:/services/" + id + "/report/sent";
	}

	@GetMapping("/services/{id}/report/sent")
	String sent(@PathVariable String id, Model model, HttpServletResponse response) {
		Service service = service(id, response);
		if (service == null) {
			return "error/404";
		}
		model.addAttribute("service", service);
		return "report-sent";
	}

	private Service service(String id, HttpServletResponse response) {
		Service service = this.services.findById(id).filter(s -> !s.isWithdrawn()).orElse(null);
		if (service == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		return service;
	}

	private String page(Model model, Service service, ReportForm form, Map<String, String> errors) {
		model.addAttribute("service", service);
		model.addAttribute("page", new ReportPage(service, form, errors, this.text));
		return "report";
	}

}
