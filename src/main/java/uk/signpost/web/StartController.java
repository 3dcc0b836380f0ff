package uk.signpost.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.signpost.content.NeedsToBrowse;
import uk.signpost.directory.DirectorySummary;
import uk.signpost.search.ServiceSearch;

/**
 * The start page: one question-led search, needs to browse, and what the directory holds
 * and where it came from.
 */
@Controller
class StartController {

	private final DirectorySummary.Reader directory;

	private final ServiceSearch search;

	private final NeedsToBrowse needsToBrowse;

	StartController(DirectorySummary.Reader directory, ServiceSearch search, NeedsToBrowse needsToBrowse) {
		this.directory = directory;
		this.search = search;
		this.needsToBrowse = needsToBrowse;
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("directory", this.directory.read());
		model.addAttribute("needs", browse(this.search.needs(), this.needsToBrowse.needs()));
		return "start";
	}

	/**
	 * A need to browse: the category it searches, its words and how many services it has.
	 */
	record Browse(String category, String label, String description, long count) {
	}

	/**
	 * The needs content/needs.yml lists, in its order, where services have them; then the
	 * directory's other categories under their own names.
	 */
	static List<Browse> browse(List<ServiceSearch.Need> categories, List<NeedsToBrowse.Need> written) {
		Map<String, Long> counts = new LinkedHashMap<>();
		categories.forEach(category -> counts.put(category.name(), category.count()));
		List<Browse> needs = new ArrayList<>();
		for (NeedsToBrowse.Need need : written) {
			Long count = counts.remove(need.category());
			if (count != null) {
				needs.add(new Browse(need.category(), need.label(), need.description(), count));
			}
		}
		counts.forEach((category, count) -> needs.add(new Browse(category, category, null, count)));
		return needs;
	}

}
