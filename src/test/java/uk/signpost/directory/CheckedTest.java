package uk.signpost.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for when a record was last checked, and by which means. */
class CheckedTest {

	static final LocalDate MARCH = LocalDate.of(2026, 3, 3);

	static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

	@Test
	void theNewerOfTheAssuredDateAndARecordedCheckCountsTheRecordedOnATie() {
		assertThat(Checked.last(MARCH, JUNE, null)).isEqualTo(new Checked.Last(JUNE, Checked.Source.RECORDED));
		assertThat(Checked.last(JUNE, MARCH, null)).isEqualTo(new Checked.Last(JUNE, Checked.Source.ASSURED));
		assertThat(Checked.last(JUNE, JUNE, null).source()).isEqualTo(Checked.Source.RECORDED);
		assertThat(Checked.last(null, MARCH, JUNE)).isEqualTo(new Checked.Last(MARCH, Checked.Source.RECORDED));
	}

	@Test
	void failingBothTheLastChangeAndFailingThatNothing() {
		assertThat(Checked.last(null, null, JUNE)).isEqualTo(new Checked.Last(JUNE, Checked.Source.CHANGED));
		assertThat(Checked.last(MARCH, null, JUNE).source()).isEqualTo(Checked.Source.ASSURED);
		assertThat(Checked.last(null, null, null)).isNull();
		assertThat(Checked.date(null, null, null)).isNull();
	}

}
