package uk.signpost.search;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.signpost.geo.Place;
import uk.signpost.geo.PlaceFinder;

/**
 * Everything the search page shows, worked out before the template: it only prints.
 *
 * @param where what the place typed turned out to be, or null when none was typed
 * @param result the search, or null when the place must be put right first
 */
public record SearchPage(SearchForm form, PlaceFinder.Whereabouts where, SearchResult result,
		List<ResultCards.Card> cards, int pageSize, LocalDate today) {

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

	/** One option of a filter: its value, what to call it, how many it would find. */
	public record Option(String value, String label, long count, boolean selected) {
	}

	public long total() {
		return this.result == null ? 0 : this.result.total();
	}

	public int pages() {
		return (int) Math.max(1, Math.min(SearchForm.MOST_PAGES, (total() + this.pageSize - 1) / this.pageSize));
	}

	/** "12 services for food bank near Preston". */
	public String heading() {
		StringBuilder heading = new StringBuilder();
		heading.append(String.format("%,d", total())).append(total() == 1 ? " service" : " services");
		if (this.result != null && this.result.searchedFor() != null) {
			heading.append(" for ").append(this.result.searchedFor());
		}
		if (place() != null) {
			heading.append(" near ").append(place());
		}
		return heading.toString();
	}

	public List<Option> options(String facet) {
		List<Option> options = new ArrayList<>();
		if (this.result == null) {
			return options;
		}
		for (SearchResult.FacetValue value : this.result.facets().getOrDefault(facet, List.of())) {
			options.add(new Option(value.value(), label(facet, value.value()), value.count(), value.selected()));
		}
		return options;
	}

	/** How many a yes-or-no filter (free, wheelchair, open now) would find. */
	public long count(String facet) {
		return options(facet).stream().filter(o -> o.value().equals("true")).mapToLong(Option::count).sum();
	}

	private static String label(String facet, String value) {
		return switch (facet) {
			case "DELIVERY" -> Delivery.label(value);
			case "DAY" -> SearchForm.capitalised(value);
			default -> value;
		};
	}

	public List<Double> radii() {
		return ServiceSearch.RADII;
	}

	public String radiusValue(double miles) {
		return SearchForm.radiusText(miles);
	}

	public String radiusLabel(double miles) {
		return SearchForm.radiusText(miles) + (miles == 1 ? " mile" : " miles");
	}

	/** "Checked 3 months ago", from the card's date and today. */
	public String checked(LocalDate date) {
		if (date == null) {
			return "Not checked";
		}
		Period age = Period.between(date, this.today);
		long months = age.toTotalMonths();
		if (months < 1) {
			return "Checked this month";
		}
		if (months < 24) {
			return "Checked " + months + (months == 1 ? " month ago" : " months ago");
		}
		return "Checked " + age.getYears() + " years ago";
	}

	public boolean stale(LocalDate date) {
		return date == null || Period.between(date, this.today).toTotalMonths() >= 12;
	}

	/**
	 * Plain words for a relaxation: "Search within 10 miles", "Remove the Free filter".
	 */
	public String relaxation(SearchResult.Relaxation relaxation) {
		return switch (relaxation.constraint()) {
			case "radius" -> "Search within " + radiusLabel(Double.parseDouble(relaxation.value()));
			case "category", "term" -> "Search all categories, not just " + relaxation.value();
			case "age" -> "Include services for any age";
			case "free" -> "Include services that charge";
			case "delivery" -> "Include every way of getting help";
			case "day" -> "Include services closed on " + SearchForm.capitalised(relaxation.value());
			case "openNow" -> "Include services closed now";
			case "language" -> "Include services not in " + relaxation.value();
			case "wheelchair" -> "Include services without step-free access";
			default -> "Remove " + relaxation.constraint();
		};
	}

	/** The address of a relaxed search. */
	public String relaxationUrl(SearchResult.Relaxation relaxation) {
		return switch (relaxation.constraint()) {
			case "radius" -> this.form.withRadius(Double.parseDouble(relaxation.value()));
			case "openNow" -> this.form.without("open");
			case "term" -> this.form.without("category");
			case "delivery" -> this.form.without("delivery");
			default -> this.form.without(relaxation.constraint());
		};
	}

	public Map<String, String> selectedFilters() {
		return this.form.selectedFilters();
	}

}
