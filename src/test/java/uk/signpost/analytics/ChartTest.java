package uk.signpost.analytics;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart fits a 320 px screen less its margins (it scrolled sideways at 360 px: the
 * new-user trial): each label on its own line above its bar, the longest bar and its
 * figure inside the drawing.
 */
class ChartTest {

	@Test
	void theChartFitsA320PixelScreenWithEachLabelAboveItsBar() {
		Chart chart = new Chart("needs", "Searched most", "What was searched most",
				List.of(new Chart.Bar("help with gas and electricity bills", 1204, "1,204", false, 96, false, "96"),
						new Chart.Bar("food bank", 300, "300", false, 0, false, "0")),
				true);
		assertThat(chart.width()).isLessThanOrEqualTo(320 - 2 * 15);
		for (Chart.Drawn bar : chart.drawn()) {
			assertThat(bar.label().length()).isLessThanOrEqualTo(Chart.LONGEST_LABEL);
			assertThat(bar.labelY()).isLessThan(bar.y());
			assertThat(bar.figureX() + Chart.FIGURE - 6).isLessThanOrEqualTo(chart.width());
		}
		Chart.Drawn first = chart.drawn().get(0);
		Chart.Drawn second = chart.drawn().get(1);
		assertThat(second.labelY()).as("the next label below the bar").isGreaterThan(first.y() + 20);
		assertThat(chart.height()).isGreaterThanOrEqualTo(second.y() + 20);
	}

}
