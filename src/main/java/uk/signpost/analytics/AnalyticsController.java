package uk.signpost.analytics;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import uk.signpost.directory.Validity;
import uk.signpost.govuk.Csv;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;
import uk.signpost.staff.Staff;

/**
 * The workspace's Analytics: searches, unmet needs by area, and each publisher's views
 * and contact clicks, for a range of days, each table also a CSV download. A publisher
 * account sees only its own publishers' services.
 */
@Controller
class AnalyticsController {

	private final Figures figures;

	private final MessageSourceAccessor text;

	private final Clock clock;

	AnalyticsController(Figures figures, MessageSource messages, ObjectProvider<Clock> clock) {
		this.figures = figures;
		this.text = new MessageSourceAccessor(messages);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/manage/analytics")
	String analytics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Range range = Range.of(from, to, Validity.today(this.clock));
		List<Problem> problems = new ArrayList<>();
		range.errors().forEach((field, key) -> problems.add(new Problem("#" + field, this.text.getMessage(key))));
		model.addAttribute("problems", problems);
		String title = this.text.getMessage("analytics.title");
		model.addAttribute("title",
				problems.isEmpty() ? title : this.text.getMessage("page.title.error", new Object[] { title }));
		model.addAttribute("from", field("from", range.valid() ? Range.written(range.from()) : from, range));
		model.addAttribute("to", field("to", range.valid() ? Range.written(range.to()) : to, range));
		if (!range.valid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("sections", List.of());
			return "manage/analytics";
		}
		model.addAttribute("showing", this.text.getMessage("analytics.range",
				new Object[] { Dates.date(range.from(), this.text), Dates.date(range.to(), this.text) }));
		model.addAttribute("query", range.query());
		model.addAttribute("sections", sections(range, Staff.current(request).scope()));
		return "manage/analytics";
	}

	/** One table as CSV: /manage/analytics/needs.csv?from=…&to=…. */
	@GetMapping("/manage/analytics/{table}.csv")
	ResponseEntity<String> csv(@PathVariable String table, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request) {
		Range range = Range.of(from, to, Validity.today(this.clock));
		if (!range.valid()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		AnalyticsPage.Section section = sections(range, Staff.current(request).scope()).stream()
			.filter(s -> s.id().equals(table))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("signpost-" + table + "-" + range.from() + "-to-" + range.to() + ".csv")
						.build()
						.toString())
			.body(Csv.of(section.table()));
	}

	private Field field(String name, String value, Range range) {
		String error = range.errors().containsKey(name) ? this.text.getMessage(range.errors().get(name)) : null;
		return new Field(name, name, "text", this.text.getMessage("analytics." + name),
				this.text.getMessage("analytics.date.hint"), value, error, "10", null, null);
	}

	private List<AnalyticsPage.Section> sections(Range range, Set<String> scope) {
		AnalyticsPage page = new AnalyticsPage(this.text);
		LocalDate from = range.from();
		LocalDate to = range.to();
		int least = (int) AnalyticsPage.SMALLEST;
		return List.of(page.weeks(this.figures.weeks(from, to)), page.needs(this.figures.needs(from, to, false, least)),
				page.unmet(this.figures.needs(from, to, true, least)), page.areas(this.figures.unmet(from, to, least)),
				page.refining(this.figures.refining(from, to, (int) AnalyticsPage.SMALLEST)),
				page.publishers(this.figures.publishers(from, to, scope)),
				page.unviewed(this.figures.unviewed(Validity.today(this.clock), scope, AnalyticsPage.MOST_UNVIEWED)));
	}

}
