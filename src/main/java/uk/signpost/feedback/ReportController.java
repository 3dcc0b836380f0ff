package uk.signpost.feedback;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * publisher for curators.
 */
@Controller
class ReportController {

	private static final String TOKEN = "report-token";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ServiceRepository services;

	private final JdbcTemplate jdbc;

	private final ReportLimit limit;

	ReportController(ServiceRepository services, JdbcTemplate jdbc, ReportLimit limit) {
		this.services = services;
		this.jdbc = jdbc;
		this.limit = limit;
	}

	@GetMapping("/services/{id}/report")
	String form(@PathVariable String id, HttpSession session, Model model, HttpServletResponse response) {
		Service service = service(id, response);
		if (service == null) {
			return "error/404";
		}
		return page(model, service, new ReportForm(null, null, null, null), Map.of(), token(session));
	}

	@PostMapping("/services/{id}/report")
	String send(@PathVariable String id, ReportForm form, HttpSession session, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Service service = service(id, response);
		if (service == null) {
			return "error/404";
		}
		// The form must come from our own page in this browser (cross-site request
		// forgery).
		Object expected = session.getAttribute(TOKEN);
		if (expected == null || form.token() == null
				|| !MessageDigest.isEqual(expected.toString().getBytes(), form.token().getBytes())) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			model.addAttribute("service", service);
			return "report-expired";
		}
		Map<String, String> errors = form.errors();
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, service, form, errors, expected.toString());
		}
		if (!this.limit.allow(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("service", service);
			return "report-limit";
		}
		this.jdbc.update(
				"INSERT INTO feedback (service_id, publisher_id, problem, correction, email, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				service.id(), service.publisherId(), form.problem(), form.correction(), form.email(),
				OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
		session.removeAttribute(TOKEN);
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

	private static String token(HttpSession session) {
		Object token = session.getAttribute(TOKEN);
		if (token == null) {
			byte[] bytes = new byte[24];
			RANDOM.nextBytes(bytes);
			token = HexFormat.of().formatHex(bytes);
			session.setAttribute(TOKEN, token);
		}
		return token.toString();
	}

	private static String page(Model model, Service service, ReportForm form, Map<String, String> errors,
			String token) {
		model.addAttribute("service", service);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problems", ReportForm.PROBLEMS);
		model.addAttribute("token", token);
		return "report";
	}

}
