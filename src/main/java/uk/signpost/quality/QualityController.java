package uk.signpost.quality;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.signpost.directory.Publisher;
import uk.signpost.directory.PublisherRepository;
import uk.signpost.govuk.Csv;
import uk.signpost.govuk.PageLinks;
import uk.signpost.staff.Staff;

/**
 * The data quality pages: /publishers/{id} for anyone (counts only, open data), and in
 * the workspace /manage/quality with each publisher's checks, failing records and their
 * CSV. A publisher account sees only its own publishers; another's is not found.
 */
@Controller
class QualityController {

	private final QualityReports reports;

	private final PublisherRepository publishers;

	private final MessageSourceAccessor text;

	QualityController(QualityReports reports, PublisherRepository publishers, MessageSource messages) {
		this.reports = reports;
		this.publishers = publishers;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/publishers/{id}")
	String publisher(@PathVariable String id, HttpServletResponse response, Model model) {
		Publisher publisher = this.publishers.findById(id).orElse(null);
		if (publisher == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		model.addAttribute("page", QualityPages.publisher(publisher, this.reports.findable(id),
				this.reports.recent(id, QualityPages.TREND), this.text));
		return "publisher";
	}

	@GetMapping("/manage/quality")
	String list(HttpServletRequest request, Model model) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		List<Publisher> visible = staff.visible(this.publishers.findAll());
		Map<String, QualityReports.Report> latest = new HashMap<>();
		visible.forEach(p -> this.reports.latest(p.id()).ifPresent(r -> latest.put(p.id(), r)));
		model.addAttribute("page", QualityPages.list(visible, latest, this.text));
		return "manage/quality";
	}

	@GetMapping("/manage/quality/{id}")
	String report(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		Publisher publisher = visible(id, staff);
		if (publisher == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		model.addAttribute("page", QualityPages.report(publisher, this.reports.findable(id),
				this.reports.recent(id, QualityPages.TREND), this.text));
		return "manage/quality-publisher";
	}

	@GetMapping("/manage/quality/{id}/{key:[a-z-]+}")
	String check(@PathVariable String id, @PathVariable String key, @RequestParam(required = false) String page,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Staff staff = Staff.current(request);
		if (staff == null) {
			return "redirect:/sign-in";
		}
		Publisher publisher = visible(id, staff);
		Check check = Check.of(key);
		QualityReports.Report report = publisher == null ? null : this.reports.latest(id).orElse(null);
		if (check == null || report == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		QualityReports.Count count = report.counts().get(check);
		int kept = count == null ? 0 : Math.min(count.failing(), Inspection.KEPT);
		int number = PageLinks.number(page, Math.max(1, (kept + QualityPages.PAGE - 1) / QualityPages.PAGE));
		model.addAttribute("page",
				QualityPages.check(publisher, check, count,
						this.reports.failures(report.id(), check, (number - 1) * QualityPages.PAGE, QualityPages.PAGE),
						number, this.text));
		return "manage/quality-check";
	}

	/** The latest report's failing records, of every check or of one. */
	@GetMapping("/manage/quality/{id}/records.csv")
	ResponseEntity<String> csv(@PathVariable String id, @RequestParam(required = false) String check,
			HttpServletRequest request) {
		Staff staff = Staff.current(request);
		Publisher publisher = staff == null ? null : visible(id, staff);
		QualityReports.Report report = publisher == null ? null : this.reports.latest(id).orElse(null);
		if (report == null) {
			// As the analytics CSVs: the error page answers, the GOV.UK 404.
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Check only = Check.of(check);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename("signpost-quality-" + id + (only == null ? "" : "-" + only.key()) + ".csv")
						.build()
						.toString())
			.body(Csv.of(QualityPages.csv(this.reports.failures(report.id(), only, 0, Integer.MAX_VALUE), this.text)));
	}

	/** The publisher, when it exists and this person may see it; otherwise null. */
	private Publisher visible(String id, Staff staff) {
		return staff.sees(id) ? this.publishers.findById(id).orElse(null) : null;
	}

}
