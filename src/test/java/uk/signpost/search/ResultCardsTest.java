package uk.signpost.search;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a card says about where a service is, from the place searched, in the page's
 * words.
 */
class ResultCardsTest {

	static MessageSourceAccessor text() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("classpath:content/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new MessageSourceAccessor(messages, java.util.Locale.UK);
	}

	private final SearchPage page = new SearchPage(SearchForm.EMPTY, null, null, List.of(), 20,
			LocalDate.of(2026, 12, 2), text());

	private static ResultCards.Card card(Double miles, boolean areaServed, boolean withinRadius, String... delivery) {
		return new ResultCards.Card("id", "Name", null, null, null, null, null, miles, List.of(delivery), areaServed,
				withinRadius, false, false, false, null, null, null, false);
	}

	private String whereabouts(ResultCards.Card card) {
		return this.page.whereabouts(card);
	}

	@Test
	void aVenueWithinTheRadiusGivesItsDistance() {
		assertThat(whereabouts(card(1.24, false, true, Delivery.IN_PERSON))).isEqualTo("1.2 miles away");
		assertThat(whereabouts(card(0.04, true, true, Delivery.IN_PERSON))).isEqualTo("Less than 0.1 miles away");
	}

	@Test
	void aServiceFoundForAnotherReasonSaysWhyAndGivesItsVenueOnlyAsAnAside() {
		assertThat(whereabouts(card(16.5, true, false, Delivery.IN_PERSON)))
			.isEqualTo("Covers this area (nearest venue 16.5 miles away)");
		assertThat(whereabouts(card(null, true, false, Delivery.PHONE))).isEqualTo("Covers this area");
		assertThat(whereabouts(card(22.5, false, false, Delivery.PHONE, Delivery.IN_PERSON)))
			.isEqualTo("Nearest venue 22.5 miles away");
		assertThat(whereabouts(card(null, false, false, Delivery.ONLINE))).isNull();
	}

	@Test
	void agesAndCheckedReadNaturallyInTheSingularAndPlural() {
		ResultCards.Card adults = new ResultCards.Card("id", "Name", null, null, 18, 130, null, null, List.of(), false,
				false, false, false, false, null, null, null, false);
		assertThat(this.page.ages(adults)).isEqualTo("Ages 18 and over");
		ResultCards.Card children = new ResultCards.Card("id", "Name", null, null, 0, 11, null, null, List.of(), false,
				false, false, false, false, null, null, null, false);
		assertThat(this.page.ages(children)).isEqualTo("Ages up to 11");
		assertThat(this.page.checked(LocalDate.of(2026, 11, 20))).isEqualTo("Checked this month");
		assertThat(this.page.checked(LocalDate.of(2026, 10, 20))).isEqualTo("Checked 1 month ago");
		assertThat(this.page.checked(LocalDate.of(2026, 5, 2))).isEqualTo("Checked 7 months ago");
		assertThat(this.page.checked(LocalDate.of(2023, 5, 2))).isEqualTo("Checked 3 years ago");
		assertThat(this.page.checked(null)).isEqualTo("Not checked");
	}

}
