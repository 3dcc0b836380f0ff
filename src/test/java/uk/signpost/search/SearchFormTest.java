package uk.signpost.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every link a results page builds keeps the whole search: filters, sort and view. */
class SearchFormTest {

	private final SearchForm form = new SearchForm("demensia", "Newport", 10.0, 70, true, List.of("phone"), null, null,
			null, null, null, "nearest", 3, null, SearchForm.COMPACT);

	@Test
	void choosingOneOfSeveralPlacesKeepsTheRestOfTheSearch() {
		assertThat(this.form.withWhere("Newport, Shropshire")).isEqualTo(
				"/search?q=demensia&where=Newport%2C+Shropshire&radius=10&age=70&free=true&delivery=phone&sort=nearest&view=compact");
	}

	@Test
	void searchingTheWordsAsTypedKeepsTheRestOfTheSearch() {
		assertThat(this.form.asTyped("demensia"))
			.isEqualTo("/search?q=demensia&where=Newport&radius=10&age=70&free=true&delivery=phone&sort=nearest"
					+ "&view=compact&exact=true");
	}

}
