package uk.signpost.search;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.MessageSourceAccessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each filter has the words its control, its selected tag and its relaxation need, so a
 * filter added without them fails here rather than on a page.
 */
class FilterWordsTest {

	private final MessageSourceAccessor text = ResultCardsTest.text();

	@Test
	void everyFilterHasItsWords() {
		List<String> missing = new ArrayList<>();
		for (Filter filter : Filter.values()) {
			List<String> parts = new ArrayList<>(List.of("tag", "relax"));
			switch (filter.control()) {
				case YES -> parts.add("label");
				case RADIOS, SELECT -> parts.addAll(List.of("legend", "any"));
				default -> parts.add("legend");
			}
			if (filter.options() != null && filter.control() != Filter.Control.YES) {
				filter.options().forEach(option -> parts.add("option." + option));
			}
			for (String part : parts) {
				String key = "filter." + filter.parameter() + "." + part;
				try {
					this.text.getMessage(key);
				}
				catch (NoSuchMessageException ex) {
					missing.add(key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void eachFilterIsOneParameterAndTakesOnlyValuesItKnows() {
		for (Filter filter : Filter.values()) {
			assertThat(Filter.named(filter.parameter())).isSameAs(filter);
			List<String> kept = filter.accept(List.of("no such value \u0000"));
			assertThat(kept.isEmpty() || kept.equals(List.of("no such value"))).as(filter.parameter()).isTrue();
		}
	}

}
