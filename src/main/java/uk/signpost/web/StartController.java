package uk.signpost.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.signpost.search.ServiceSearch;

/**
 * The start page: one question-led search, needs to browse, and what the directory holds
 * and where it came from.
 */
@Controller
class StartController {

	private final JdbcTemplate jdbc;

	private final ServiceSearch search;

	StartController(JdbcTemplate jdbc, ServiceSearch search) {
		this.jdbc = jdbc;
		this.search = search;
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("directory", DirectorySummary.read(this.jdbc));
		model.addAttribute("needs", this.search.needs());
		return "start";
	}

}
