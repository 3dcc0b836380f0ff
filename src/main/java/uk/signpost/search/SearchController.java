package uk.signpost.search;

import java.time.Clock;
import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.signpost.directory.DirectorySummary;
import uk.signpost.directory.Validity;
import uk.signpost.geo.PlaceFinder;

/**
 * The search page: what, where and which filters, all in the query string. One handler
 * serves the whole page and, for htmx, the results part of the same template.
 */
@Controller
class SearchController {

	static final int PAGE_SIZE = 20;

	private final ServiceSearch search;

	private final PlaceFinder places;

	private final ResultCards cards;

	private final MessageSourceAccessor text;

	private final DirectorySummary.Reader directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SearchController(ServiceSearch search, PlaceFinder places, ResultCards cards, MessageSource messages,
			DirectorySummary.Reader directory, ObjectProvider<Clock> clock, ApplicationEventPublisher events) {
		this.events = events;
		this.directory = directory;
		this.search = search;
		this.places = places;
		this.cards = cards;
		this.text = new MessageSourceAccessor(messages);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/search")
	String search(@RequestParam MultiValueMap<String, String> parameters, Model model, HtmxRequest htmx,
			HttpServletRequest request, HttpServletResponse response) {
		SearchForm form = SearchForm.from(parameters::get);
		PlaceFinder.Whereabouts where = form.where() == null ? null : this.places.find(form.where());
		// "food bank preston": the place is taken from the words, and the page says so
		// with a link to search the words as typed.
		SearchForm asked = form;
		PlaceInWords inWords = where != null || form.exact() ? null
				: PlaceInWords.find(form.q(), this.places, this.search.needWords());
		if (inWords != null) {
			form = form.near(inWords.need(), inWords.place().typed());
			where = inWords.place();
		}
		SearchResult result = null;
		List<ResultCards.Card> found = List.of();
		if (where == null || where instanceof PlaceFinder.Found) {
			ServiceQuery.Near near = where instanceof PlaceFinder.Found place
					? new ServiceQuery.Near(place.latitude(), place.longitude(), place.areas()) : null;
			result = this.search.search(form.toQuery(near, PAGE_SIZE));
			found = this.cards.cards(result.hits(), Validity.now(this.clock), this.text);
			// For the analytics: an empty search box with no place and no filter is not a
			// search.
			if (form.q() != null || form.where() != null || form.hasFilters()) {
				this.events.publishEvent(Searched.of(form, where instanceof PlaceFinder.Found place ? place : null,
						result, Searched.FROM_RELAXATION.equals(parameters.getFirst(Searched.FROM))));
			}
		}
		SearchPage page = new SearchPage(form, where, result, found, PAGE_SIZE, Validity.today(this.clock), this.text);
		model.addAttribute("page", page);
		// On a first start the demo directory loads while the site already answers.
		model.addAttribute("catchingUp", this.search.catchingUp());
		model.addAttribute("towns", this.directory.towns());
		model.addAttribute("example", this.directory.example());
		model.addAttribute("placeFromWords",
				inWords == null ? null
						: new SearchPage.Link(
								this.text.getMessage("search.place.fromWords.asTyped", new Object[] { asked.q() }),
								asked.asTyped(asked.q())));
		model.addAttribute("placeFromWordsNotice", inWords == null ? null
				: this.text.getMessage("search.place.fromWords", new Object[] { form.q(), page.place() }));
		// Very long searches are cut (ServiceSearch.MOST_WORDS), and the page says so.
		// Counted as typed: the form keeps only the first 500 characters.
		String typed = SearchForm.typed(parameters.getFirst("q"));
		model.addAttribute("wordsNotice", typed == null ? null : page.wordsNotice(this.search.words(typed)));
		// "Add selected to your list" with nothing ticked (kept=none, never in the
		// page's own links).
		model.addAttribute("keepError",
				"none".equals(parameters.getFirst("kept")) && form.isCompact() && !found.isEmpty()
						? this.text.getMessage("list.select.none") : null);
		// The same address answers the whole page or, for htmx, its results: caches must
		// keep both. A history restore (htmx's cache missed on Back) needs the whole
		// page.
		response.addHeader(HttpHeaders.VARY, "HX-Request");
		if (htmx.isHtmxRequest() && page.ageError() != null) {
			// The error summary sits above the results htmx swaps: load the same address
			// as
			// a whole page.
			response.addHeader("HX-Redirect", request.getRequestURI() + "?" + request.getQueryString());
		}
		return htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() ? "search :: results" : "search";
	}

}
