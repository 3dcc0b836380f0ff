package uk.signpost.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement and the privacy notice. */
@Controller
class InformationController {

	@GetMapping("/accessibility")
	String accessibility() {
		return "accessibility";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "privacy";
	}

}
