package uk.signpost.directory;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralTest {

	@ParameterizedTest
	@ValueSource(strings = { "You need a referral from a housing officer, social worker or support worker.",
			"You need a foodbank voucher from a referral agency such as Citizens Advice, your GP or a social worker.",
			"By referral only.", "Referral required from your GP.", "Clients must be referred by their key worker.",
			"Places are only available through a referral from the school.", "A referral is needed." })
	void aReferralIsNeededWhenTheTextSaysSo(String text) {
		assertThat(Referral.needed(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Just turn up, no referral needed.", "Ask your GP to refer you, or refer yourself.",
			"Refer yourself online; you do not need to see your GP first.", "Self-referrals welcome.",
			"You don't need a referral.", "Drop in, no referral needed.",
			"Young people, parents or professionals can refer.",
			"Book a place by phone or ask your health visitor to refer you.", "Call us.", "  " })
	void noReferralIsNeededWhenPeopleCanComeThemselvesOrTheTextIsSilent(String text) {
		assertThat(Referral.needed(text)).isFalse();
	}

}
