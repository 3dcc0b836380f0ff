package uk.signpost.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's frame needs: the attribution the official postcode and place files in
 * use require (SOURCES of each file's licence), shown in the footer.
 */
@ControllerAdvice(
		basePackages = { "uk.signpost.web", "uk.signpost.search", "uk.signpost.directory", "uk.signpost.feedback" })
class PageFrame {

	static final String ONS = "Source: Office for National Statistics licensed under the Open Government Licence v.3.0";

	static final String OS = "Contains OS data © Crown copyright and database right";

	static final String ROYAL_MAIL = "Contains Royal Mail data © Royal Mail copyright and database right";

	private final JdbcTemplate jdbc;

	PageFrame(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** How many services the person keeps, for "Your list (n)" in the navigation. */
	@ModelAttribute("listSize")
	int listSize(jakarta.servlet.http.HttpServletRequest request) {
		return YourList.read(request).size();
	}

	/**
	 * The ids kept, so a card or service page says "In your list" instead of offering it
	 * again.
	 */
	@ModelAttribute("listIds")
	Set<String> listIds(jakarta.servlet.http.HttpServletRequest request) {
		return new LinkedHashSet<>(YourList.read(request));
	}

	@ModelAttribute("attribution")
	Set<String> attribution() {
		List<String> sources = this.jdbc.queryForList("SELECT DISTINCT source FROM gazetteer_import", String.class);
		Set<String> lines = new LinkedHashSet<>();
		for (String source : sources) {
			switch (source) {
				case "onspd", "nspl" -> {
					lines.add(OS);
					lines.add(ROYAL_MAIL);
					lines.add(ONS);
				}
				case "codepoint" -> {
					lines.add(OS);
					lines.add(ROYAL_MAIL);
				}
				case "os-open-names" -> lines.add(OS);
				default -> {
				}
			}
		}
		return lines;
	}

}
