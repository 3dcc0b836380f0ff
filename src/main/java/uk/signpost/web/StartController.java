package uk.signpost.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. For now it says what the directory holds and where it came from. */
@Controller
class StartController {

	private final JdbcTemplate jdbc;

	StartController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("directory", DirectorySummary.read(this.jdbc));
		return "start";
	}

}
