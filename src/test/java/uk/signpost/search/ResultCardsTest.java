package uk.signpost.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a card says about where a service is, from the place searched. */
class ResultCardsTest {

	private static ResultCards.Card card(Double miles, boolean areaServed, boolean withinRadius, String... delivery) {
		return new ResultCards.Card("id", "Name", null, null, null, null, null, miles, List.of(delivery), areaServed,
				withinRadius, false, false, false, null);
	}

	@Test
	void aVenueWithinTheRadiusGivesItsDistance() {
		assertThat(card(1.24, false, true, Delivery.IN_PERSON).whereabouts()).isEqualTo("1.2 miles away");
		assertThat(card(0.04, true, true, Delivery.IN_PERSON).whereabouts()).isEqualTo("Less than 0.1 miles away");
	}

	@Test
	void aServiceFoundForAnotherReasonSaysWhyAndGivesItsVenueOnlyAsAnAside() {
		assertThat(card(16.5, true, false, Delivery.IN_PERSON).whereabouts())
			.isEqualTo("Covers this area (nearest venue 16.5 miles away)");
		assertThat(card(null, true, false, Delivery.PHONE).whereabouts()).isEqualTo("Covers this area");
		assertThat(card(22.5, false, false, Delivery.PHONE, Delivery.IN_PERSON).whereabouts())
			.isEqualTo("Nearest venue 22.5 miles away");
		assertThat(card(null, false, false, Delivery.ONLINE).whereabouts()).isNull();
	}

}
