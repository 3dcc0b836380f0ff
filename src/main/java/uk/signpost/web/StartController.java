package uk.signpost.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.signpost.content.NeedsToBrowse;
import uk.signpost.directory.DirectorySummary;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
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

	private final MessageSourceAccessor text;

	StartController(DirectorySummary.Reader directory, ServiceSearch search, NeedsToBrowse needsToBrowse,
			MessageSource messages) {
		this.directory = directory;
		this.search = search;
		this.needsToBrowse = needsToBrowse;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("directory", this.directory.read());
		model.addAttribute("needs", browse(this.search.needs(), this.needsToBrowse.needs()));
		model.addAttribute("page", new StartPage(this.text));
		return "start";
	}

	/** The start page's words that need working out. */
	record StartPage(MessageSourceAccessor text) {

		/** When a publisher's feed last came in: "1 March 2026 at 9:05am", UK time. */
		public String lastUpdated(DirectorySummary.PublisherLine publisher) {
			return publisher.lastImportedAt() == null ? this.text.getMessage("start.publishers.never")
					: Dates.dateTime(publisher.lastImportedAt().atZone(Validity.UK), this.text);
		}

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
