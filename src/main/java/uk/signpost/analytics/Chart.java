package uk.signpost.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn on the server as SVG (templates/manage/analytics.html),
 * with no script and no style attribute: one bar a row, its label above it and its figure
 * at its end, in {@link #WIDTH} so it fits a 320 px screen without scrolling sideways;
 * part, when given, is drawn over the bar in a second colour (the searches that found
 * nothing, of all searches). A small count has no bar, only its words, so the drawing
 * gives away no more than the table.
 *
 * @param title what the chart shows, its accessible name
 * @param description what it says, in words, for those who cannot see it
 */
public record Chart(String id, String title, String description, List<Bar> bars, boolean parts) {

	/** A 320 px screen less GOV.UK's 15 px margins. */
	static final int WIDTH = 288;

	/** A label's line, then its bar. */
	static final int ROW = 46;

	/** Room at the end of the longest bar for its figure. */
	static final int FIGURE = 110;

	/** Labels longer than this are cut in the drawing; the table has them whole. */
	static final int LONGEST_LABEL = 26;

	/**
	 * One row: shown and partShown are the figures as written ("fewer than 5");
	 * suppressed ones have no bar.
	 */
	public record Bar(String label, long value, String shown, boolean suppressed, long part, boolean partSuppressed,
			String partShown) {
	}

	/**
	 * A bar as drawn: where its label is, where its bar and figure are and how long, in
	 * the SVG's units.
	 */
	public record Drawn(String label, int labelY, int y, int textY, int width, int partWidth, String figure,
			int figureX) {
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return Math.max(1, this.bars.size()) * ROW + 4;
	}

	public List<Drawn> drawn() {
		long most = this.bars.stream().filter(b -> !b.suppressed()).mapToLong(Bar::value).max().orElse(0);
		int room = WIDTH - FIGURE;
		List<Drawn> drawn = new ArrayList<>();
		for (int i = 0; i < this.bars.size(); i++) {
			Bar bar = this.bars.get(i);
			// Nothing draws no bar; a count above nothing at least a sliver.
			int width = bar.suppressed() || bar.value() == 0 ? 0
					: (int) Math.max(1, Math.round(room * (double) bar.value() / most));
			int part = !this.parts || bar.partSuppressed() || most == 0 || bar.suppressed() ? 0
					: (int) Math.round(room * (double) bar.part() / most);
			String figure = this.parts ? bar.shown() + " (" + bar.partShown() + ")" : bar.shown();
			String label = bar.label().length() > LONGEST_LABEL ? bar.label().substring(0, LONGEST_LABEL - 1) + "…"
					: bar.label();
			drawn.add(new Drawn(label, i * ROW + 16, i * ROW + 22, i * ROW + 37, width, part, figure, width + 6));
		}
		return drawn;
	}

}
