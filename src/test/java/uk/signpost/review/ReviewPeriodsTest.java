package uk.signpost.review;

import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.signpost.settings.SignpostProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** Which categories a setting names, and the shortest period winning. */
class ReviewPeriodsTest {

	@Test
	void aKeyNamesATermByItsIdOrByWholeWordsOfItsName() {
		assertThat(ReviewPeriods.names("crisis", "t1", "Crisis support")).isTrue();
		assertThat(ReviewPeriods.names("crisis", "t1", "Mental health crisis")).isTrue();
		assertThat(ReviewPeriods.names("mental-health", "t1", "Adult mental health")).isTrue();
		assertThat(ReviewPeriods.names("crisis", "t1", "Crisisline")).isFalse();
		assertThat(ReviewPeriods.names("health-mental", "t1", "Adult mental health")).isFalse();
		assertThat(ReviewPeriods.names("council:needs:42", "COUNCIL:NEEDS:42", "Lunch clubs")).isTrue();
		assertThat(ReviewPeriods.names("safeguarding", "t1", null)).isFalse();
	}

	@Test
	void theShortestPeriodThatNamesATermIsItsAndNoneIsNull() {
		SignpostProperties properties = new SignpostProperties();
		properties.getReviews()
			.setPeriods(Map.of("crisis", Period.ofMonths(3), "mental-health", Period.ofWeeks(6), "food",
					Period.ofMonths(18)));
		ReviewPeriods periods = new ReviewPeriods(properties);
		assertThat(periods.period("t1", "Mental health crisis")).isEqualTo(Period.ofWeeks(6));
		assertThat(periods.period("t2", "Food banks")).isEqualTo(Period.ofMonths(18));
		assertThat(periods.period("t3", "Lunch clubs")).isNull();
		assertThat(periods.defaultPeriod()).isEqualTo(Period.ofMonths(12));
		assertThat(ReviewPeriods.shortest(List.of(Period.ofMonths(12), Period.ofDays(364))))
			.isEqualTo(Period.ofDays(364));
	}

}
