package uk.signpost.api;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Finding which service holds the n-th location, past services with none. */
class FindableServicesTest {

	@Test
	void theServiceHoldingALocationSkipsServicesWithNone() {
		// a has 2 locations, b and c none, d 3.
		FindableServices.Snapshot snapshot = new FindableServices.Snapshot(List.of("a", "b", "c", "d"),
				new long[] { 0, 2, 2, 2, 5 });
		assertThat(snapshot.locations()).isEqualTo(5);
		assertThat(snapshot.serviceHolding(0)).isZero();
		assertThat(snapshot.serviceHolding(1)).isZero();
		assertThat(snapshot.serviceHolding(2)).isEqualTo(3);
		assertThat(snapshot.serviceHolding(4)).isEqualTo(3);
	}

}
