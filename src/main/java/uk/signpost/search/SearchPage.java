package uk.signpost.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.directory.Ages;
import uk.signpost.directory.Checked;
import uk.signpost.directory.DirectorySummary;
import uk.signpost.directory.Sensitive;
import uk.signpost.geo.Place;
import uk.signpost.geo.Postcodes;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Field;
import uk.signpost.govuk.Problem;

/**
 * Everything the search page shows, worked out before the template, with its words from
 * messages: the template only prints.
 *
 * @param where what the place typed turned out to be, or null when none was typed
 * @param result the search, or null when the place must be put right first
 * @param today the day in the UK, for "checked 3 months ago"
 * @param text the page's words
 */
public record SearchPage(SearchForm form, PlaceFinder.Whereabouts where, SearchResult result,
		List<ResultCards.Card> cards, int pageSize, LocalDate today, MessageSourceAccessor text) {

	/** The place searched near, as found ("PR1 2HE", "Preston, Lancashire"). */
	public String place() {
		return this.where instanceof PlaceFinder.Found found ? found.label() : null;
	}

	/** What was done instead of what was asked (an unknown postcode's outward code). */
	public String placeNotice() {
		return this.where instanceof PlaceFinder.Found found ? found.notice() : null;
	}

	/** Why the place typed could not be used. */
	public String placeError() {
		return this.where instanceof PlaceFinder.NotFound notFound ? notFound.message() : null;
	}

	/** Places of the name typed, to pick one. */
	public List<Place> choices() {
		return this.where instanceof PlaceFinder.Ambiguous ambiguous ? ambiguous.choices() : List.of();
	}

	/**
	 * Results for domestic abuse or sexual violence (the words, the category, or a
	 * service found) offer "Exit this page", as the services' own pages do.
	 */
	public boolean sensitive() {
		List<String> words = new ArrayList<>();
		words.add(this.form.q());
		words.add(this.form.filters().first(Filter.CATEGORY));
		this.cards.forEach(card -> words.add(card.name()));
		return Sensitive.about(words.toArray(String[]::new));
	}

	public String ageError() {
		if (this.form.refusedAge() == null) {
			return null;
		}
		// A number past the oldest age is a different mistake from words.
		boolean number = this.form.refusedAge().matches("\\d+");
		return this.text.getMessage(number ? "filter.age.error.range" : "filter.age.error",
				new Object[] { Filter.OLDEST });
	}

	/** What the error summary lists; keepError is "Add selected" with none ticked. */
	public List<Problem> problems(String keepError) {
		List<Problem> problems = new ArrayList<>();
		if (placeError() != null) {
			problems.add(new Problem("#where", placeError()));
		}
		if (ageError() != null) {
			problems.add(new Problem("#age", ageError()));
		}
		if (keepError != null) {
			problems.add(new Problem("#keep-1", keepError));
		}
		return problems;
	}

	/**
	 * The page's title: its heading, after "Error: " when something must be put right.
	 */
	public String title(String keepError) {
		String title = this.result == null ? this.text.getMessage("search.title") : heading();
		return problems(keepError).isEmpty() ? title : this.text.getMessage("page.title.error", new Object[] { title });
	}

	public long total() {
		return this.result == null ? 0 : this.result.total();
	}

	public int pages() {
		return (int) Math.max(1, Math.min(SearchForm.MOST_PAGES, (total() + this.pageSize - 1) / this.pageSize));
	}

	/** The longest need a heading quotes; past it the words are cut with an ellipsis. */
	static final int LONGEST_NEED = 60;

	/** "12 services for food bank near Preston". */
	public String heading() {
		// Browsing a category names it, as a search names its words.
		String words = this.result == null ? null
				: cut(this.result.need() != null ? this.result.need() : this.form.filters().first(Filter.CATEGORY));
		String key = "search.heading" + (words != null ? ".for" : "") + (place() != null ? ".near" : "");
		return this.text.getMessage(key, new Object[] { total(), words, place() });
	}

	/** Text cut at a word before LONGEST_NEED characters, with an ellipsis. */
	static String cut(String text) {
		String cut = SearchForm.cut(text, LONGEST_NEED);
		return cut == null || cut.length() == text.length() ? cut : cut + "…";
	}

	/** "Showing 21 to 40 of 52 services", or null when nothing was found. */
	public String showing() {
		if (total() == 0) {
			return null;
		}
		long first = (long) (this.form.page() - 1) * this.pageSize + 1;
		if (first > total()) {
			return this.text.getMessage("search.showing.past", new Object[] { pages() });
		}
		long last = Math.min(total(), first + this.cards.size() - 1);
		return this.text.getMessage("search.showing", new Object[] { first, last, total() });
	}

	/**
	 * The cards of services with a venue within the radius (all cards without a place).
	 */
	public List<ResultCards.Card> nearby() {
		return place() == null ? this.cards : this.cards.stream().filter(ResultCards.Card::withinRadius).toList();
	}

	/**
	 * The cards of services found near a place only because they work by phone or online
	 * or cover the area: a group of their own, after those nearby.
	 */
	public List<ResultCards.Card> alsoAvailable() {
		return place() == null ? List.of() : this.cards.stream().filter(card -> !card.withinRadius()).toList();
	}

	/**
	 * The filter for the age the words point to ("for my nan": 65), when no age is chosen
	 * yet: its words and address; null otherwise.
	 */
	public Link ageSuggestion() {
		Integer age = this.form.filters().has(Filter.AGE) || this.form.refusedAge() != null ? null
				: WhoFor.age(this.form.q());
		if (age == null || total() == 0) {
			return null;
		}
		String url = this.form.with(Filter.AGE, String.valueOf(age));
		return new Link(this.text.getMessage("search.age.suggest", new Object[] { age }), url);
	}

	/**
	 * Near a place the directory does not cover (no venue within the radius): says so,
	 * and what it does cover; null otherwise.
	 */
	public String uncovered(List<DirectorySummary.Example> towns) {
		if (place() == null || this.result == null || !nearby().isEmpty() || this.form.page() > 1) {
			return null;
		}
		List<String> names = towns.stream().limit(3).map(DirectorySummary.Example::town).toList();
		String covered = names.size() < 2 ? String.join("", names) : this.text.getMessage("search.list.and",
				new Object[] { String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1) });
		return this.text.getMessage(alsoAvailable().isEmpty() ? "search.uncovered" : "search.uncovered.remote",
				new Object[] { radiusLabel(this.form.radius()), place(), covered, towns.isEmpty() ? 0 : 1 });
	}

	/** When nothing was found: what to try, in plain words. */
	public List<String> advice() {
		List<String> advice = new ArrayList<>();
		if (this.form.q() != null) {
			advice.add(this.text.getMessage("search.advice.spelling"));
			advice.add(this.text.getMessage("search.advice.fewer"));
		}
		if (place() != null) {
			advice.add(this.text.getMessage("search.advice.wider"));
		}
		if (this.form.hasFilters()) {
			advice.add(this.text.getMessage("search.advice.filters"));
		}
		return advice;
	}

	/** The search box and the place box. */
	public Field what() {
		return new Field("q", "q", "search", this.text.getMessage("search.what.label"),
				this.text.getMessage("search.what.hint"), this.form.q(), null, null, null, null);
	}

	/** The place box, its examples from the directory's own towns when it has any. */
	private static String outward(String postcode) {
		return Postcodes.isFull(postcode) ? Postcodes.outward(postcode) : Postcodes.compact(postcode);
	}

	public Field whereField(DirectorySummary.Example example) {
		String hint = example == null ? this.text.getMessage("search.where.hint")
				: this.text.getMessage("search.where.hint.example",
						new Object[] { example.postcode(), outward(example.postcode()), example.town() });
		return new Field("where", "where", "text", this.text.getMessage("search.where.label"), hint, this.form.where(),
				placeError(), "20", null, "postal-code");
	}

	/** How far from the place, when there is one. */
	public Choices distance() {
		List<Choice> items = new ArrayList<>();
		for (int i = 0; i < SearchForm.RADII.size(); i++) {
			double miles = SearchForm.RADII.get(i);
			items.add(new Choice("radius-" + i, "radius", SearchForm.radiusText(miles),
					this.text.getMessage("search.radius.within", new Object[] { radiusLabel(miles) }),
					miles == this.form.radius()));
		}
		return new Choices("radius", "radius", this.text.getMessage("search.radius.legend"), items);
	}

	public Choices sort() {
		return new Choices("sort", "sort", this.text.getMessage("search.sort.legend"),
				List.of(new Choice("sort-relevance", "sort", "relevance", this.text.getMessage("search.sort.relevance"),
						!this.form.nearest()),
						new Choice("sort-nearest", "sort", "nearest", this.text.getMessage("search.sort.nearest"),
								this.form.nearest())));
	}

	/**
	 * One control of the filter panel: the fragment of templates/fragments/govuk that
	 * draws it, and what it draws (a {@link Choices} or a {@link Field}).
	 */
	public record Control(String fragment, Object component) {
	}

	/** The filter panel, in {@link Filter} order; the yes filters share one group. */
	public List<Control> controls() {
		List<Control> controls = new ArrayList<>();
		List<Choice> yes = new ArrayList<>();
		for (Filter filter : Filter.values()) {
			if (filter.control() == Filter.Control.YES) {
				if (yes.isEmpty()) {
					controls.add(null);
				}
				yes.add(new Choice(filter.parameter(), filter.parameter(), Filter.TRUE,
						counted(words(filter, "label"), count(filter)), this.form.filters().has(filter)));
				continue;
			}
			controls.add(control(filter));
		}
		Choices more = new Choices("more", null, this.text.getMessage("filter.more.legend"), yes);
		controls.replaceAll(control -> control == null ? new Control("checkboxes", more) : control);
		return controls;
	}

	private Control control(Filter filter) {
		String name = filter.parameter();
		String legend = words(filter, "legend");
		List<Choice> items = new ArrayList<>();
		List<SearchResult.FacetValue> values = values(filter);
		switch (filter.control()) {
			case NUMBER -> {
				String value = this.form.refusedAge() != null ? this.form.refusedAge()
						: this.form.filters().first(filter);
				return new Control("input",
						new Field(name, name, "text", legend, null, value, ageError(), "3", "numeric", null));
			}
			case CHECKBOXES -> {
				for (int i = 0; i < values.size(); i++) {
					SearchResult.FacetValue value = values.get(i);
					items.add(new Choice(name + "-" + i, name, value.value(),
							counted(label(filter, value.value()), value.count()), value.selected()));
				}
				return new Control("checkboxes", new Choices(name, name, legend, items));
			}
			default -> {
				String any = words(filter, "any");
				items.add(new Choice(name + "-any", name, "", any, !this.form.filters().has(filter)));
				for (int i = 0; i < values.size(); i++) {
					SearchResult.FacetValue value = values.get(i);
					items.add(new Choice(name + "-" + i, name, value.value(),
							counted(label(filter, value.value()), value.count()), value.selected()));
				}
				return new Control(filter.control() == Filter.Control.SELECT ? "select" : "radios",
						new Choices(name, name, legend, items));
			}
		}
	}

	private List<SearchResult.FacetValue> values(Filter filter) {
		return this.result == null ? List.of() : this.result.facets().getOrDefault(filter, List.of());
	}

	/** How many a yes filter (free, wheelchair, open now) would find. */
	long count(Filter filter) {
		return values(filter).stream().filter(v -> v.value().equals(Filter.TRUE)).mapToLong(v -> v.count()).sum();
	}

	private String counted(String label, long count) {
		return this.text.getMessage("filter.option", new Object[] { label, count });
	}

	/** A filter's words: filter.<parameter>.<part>. */
	private String words(Filter filter, String part, Object... arguments) {
		return this.text.getMessage("filter." + filter.parameter() + "." + part, arguments);
	}

	/** What to call a value: its own words when the filter lists its options. */
	private String label(Filter filter, String value) {
		if (filter.options() == null || filter.control() == Filter.Control.YES) {
			return value;
		}
		return words(filter, "option." + value);
	}

	public String radiusLabel(double miles) {
		return this.text.getMessage("search.radius", new Object[] { miles, SearchForm.radiusText(miles) });
	}

	/** A link: its words and address. */
	public record Link(String text, String url) {
	}

	/** The filters in use, each a link that removes it. */
	public List<Link> selected() {
		List<Link> links = new ArrayList<>();
		this.form.filters().values().forEach((filter, values) -> {
			if (filter.control() == Filter.Control.CHECKBOXES) {
				values.forEach(value -> links
					.add(new Link(words(filter, "tag", label(filter, value)), this.form.without(filter, value))));
			}
			else {
				links.add(new Link(words(filter, "tag", label(filter, values.get(0))), this.form.without(filter)));
			}
		});
		return links;
	}

	/**
	 * What to change to find something, with how many each finds: "Search within 10 miles
	 * (3 services)".
	 */
	public List<Link> relaxations() {
		List<Link> links = new ArrayList<>();
		if (this.result == null) {
			return links;
		}
		for (SearchResult.Relaxation relaxation : this.result.relaxations()) {
			if (relaxation.count() == 0) {
				continue;
			}
			Filter filter = relaxation.filter();
			String change = filter == null
					? this.text.getMessage("search.relax.radius",
							new Object[] { radiusLabel(Double.parseDouble(relaxation.value())) })
					: words(filter, "relax", label(filter, relaxation.value()));
			// Marked, so the analytics can count the changes people take.
			String url = filter == null ? this.form.withRadius(Double.parseDouble(relaxation.value()))
					: this.form.without(filter);
			url += (url.contains("?") ? "&" : "?") + Searched.FROM + "=" + Searched.FROM_RELAXATION;
			links.add(new Link(this.text.getMessage("search.relaxation", new Object[] { change, relaxation.count() }),
					url));
		}
		return links;
	}

	/** "Checked 3 months ago", from the card's date and today. */
	public String checked(LocalDate date) {
		if (date == null) {
			return this.text.getMessage("card.checked.never");
		}
		long months = Checked.months(date, this.today);
		if (months < 24) {
			return this.text.getMessage("card.checked.months", new Object[] { months });
		}
		return this.text.getMessage("card.checked.years", new Object[] { months / 12 });
	}

	public boolean stale(LocalDate date) {
		return Checked.stale(date, this.today);
	}

	/** "Ages 18 and over", or null when the service takes any age. */
	public String ages(ResultCards.Card card) {
		Ages ages = Ages.of(card.minimumAge(), card.maximumAge());
		return ages.any() ? null : this.text.getMessage(ages.key("card.ages"), ages.arguments());
	}

	/** How it is delivered, except in person (the distance says that). */
	public List<String> deliveryLabels(ResultCards.Card card) {
		return card.delivery()
			.stream()
			.filter(mode -> !mode.equals(Delivery.IN_PERSON))
			.map(mode -> label(Filter.DELIVERY, mode))
			.toList();
	}

	/**
	 * Where it is from the place searched: a venue within the radius gives its distance;
	 * a service found for another reason (it covers the area, or works by phone or
	 * online) says so, with its nearest venue only as an aside.
	 */
	public String whereabouts(ResultCards.Card card) {
		Double miles = card.distanceMiles();
		if (miles == null) {
			return card.areaServed() ? this.text.getMessage("card.coversArea") : null;
		}
		Object[] distance = { miles < 0.1 ? 0 : 1, miles };
		if (card.withinRadius()) {
			return this.text.getMessage("card.distance", distance);
		}
		return this.text.getMessage(card.areaServed() ? "card.coversArea.nearest" : "card.nearest", distance);
	}

	/** The compact view's line: where, cost, how, who for, in a few words each. */
	public List<String> facts(ResultCards.Card card) {
		List<String> facts = new ArrayList<>();
		if (card.town() != null) {
			facts.add(card.town());
		}
		if (whereabouts(card) != null) {
			facts.add(whereabouts(card));
		}
		if (card.free()) {
			facts.add(this.text.getMessage("card.free"));
		}
		if (card.openNow()) {
			facts.add(this.text.getMessage("card.openNow"));
		}
		if (card.referral()) {
			facts.add(this.text.getMessage("card.referral"));
		}
		if (card.hours() != null) {
			facts.add(card.hours());
		}
		facts.addAll(deliveryLabels(card));
		if (ages(card) != null) {
			facts.add(ages(card));
		}
		return facts;
	}

	public String wordsNotice(ServiceSearch.Words words) {
		return words != null && words.capped()
				? this.text.getMessage("search.words.capped", new Object[] { ServiceSearch.MOST_WORDS, words.count() })
				: null;
	}

}
