package uk.signpost.search;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form reads the query string once and normalises it there, and every link a results
 * page builds keeps the whole search: filters, sort and view.
 */
class SearchFormTest {

	private static SearchForm form(Map<String, List<String>> parameters) {
		return SearchForm.from(parameters::get);
	}

	private final SearchForm form = form(Map.of("q", List.of("demensia"), "where", List.of("Newport"), "radius",
			List.of("10"), "age", List.of("70"), "free", List.of("true"), "delivery", List.of("phone"), "sort",
			List.of("nearest"), "page", List.of("3"), "view", List.of("compact")));

	@Test
	void choosingOneOfSeveralPlacesKeepsTheRestOfTheSearch() {
		assertThat(this.form.withWhere("Newport, Shropshire")).isEqualTo(
				"/search?q=demensia&where=Newport%2C+Shropshire&radius=10&age=70&delivery=phone&free=true&sort=nearest&view=compact");
	}

	@Test
	void searchingTheWordsAsTypedKeepsTheRestOfTheSearch() {
		assertThat(this.form.asTyped("demensia"))
			.isEqualTo("/search?q=demensia&where=Newport&radius=10&age=70&delivery=phone&free=true&sort=nearest"
					+ "&view=compact&exact=true");
	}

	@Test
	void removingOneFilterOrOneOfItsValuesKeepsTheOthers() {
		SearchForm two = form(
				Map.of("q", List.of("food"), "delivery", List.of("phone", "online"), "open", List.of("true")));
		assertThat(two.without(Filter.DELIVERY, "phone")).isEqualTo("/search?q=food&delivery=online&open=true");
		assertThat(two.without(Filter.OPEN)).isEqualTo("/search?q=food&delivery=phone&delivery=online");
		assertThat(two.withoutFilters()).isEqualTo("/search?q=food");
	}

	@Test
	void valuesNoFilterTakesAreDroppedAndAnAgeThatIsNotOneIsKeptToShowBack() {
		SearchForm odd = form(Map.of("q", List.of("  help\u0000me  "), "age", List.of("fifteen"), "day",
				List.of("Funday"), "delivery", List.of("carrier pigeon", "phone"), "radius", List.of("7"), "page",
				List.of("99999999999"), "free", List.of("yes")));
		assertThat(odd.q()).isEqualTo("help me");
		assertThat(odd.filters().active()).containsExactly(Filter.DELIVERY);
		assertThat(odd.filters().get(Filter.DELIVERY)).containsExactly("phone");
		assertThat(odd.refusedAge()).isEqualTo("fifteen");
		assertThat(form(Map.of("age", List.of("aged 15 years old"))).filters().first(Filter.AGE)).isEqualTo("15");
		assertThat(odd.radius()).isEqualTo(ServiceQuery.DEFAULT_RADIUS);
		assertThat(odd.page()).isEqualTo(1);
		assertThat(form(Map.of("page", List.of("600"))).page()).isEqualTo(SearchForm.MOST_PAGES);
	}

}
