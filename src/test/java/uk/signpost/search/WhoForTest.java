package uk.signpost.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Relatives' words say whose need it is, not what it is. */
class WhoForTest {

	@Test
	void whoTheHelpIsForIsNotSearched() {
		assertThat(WhoFor.strip("dementia support for my mum")).isEqualTo("dementia support");
		assertThat(WhoFor.strip("counselling for my son")).isEqualTo("counselling");
		assertThat(WhoFor.strip("help for my elderly dad")).isEqualTo("help");
		assertThat(WhoFor.strip("new mum support")).isEqualTo("new mum support");
		assertThat(WhoFor.strip("my mum")).isEqualTo("my mum");
	}

	@Test
	void someWordsSayAnAgeWorthOffering() {
		assertThat(WhoFor.age("lunch club for my nan")).isEqualTo(65);
		assertThat(WhoFor.age("something for teenagers")).isEqualTo(15);
		assertThat(WhoFor.age("activities for kids")).isEqualTo(5);
		assertThat(WhoFor.age("dementia support for my mum")).isNull();
		assertThat(WhoFor.age("my gran and my kids")).isNull();
	}

}
