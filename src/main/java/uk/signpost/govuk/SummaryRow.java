package uk.signpost.govuk;

import java.util.List;

/**
 * One row of a GOV.UK summary list: its key and its value, a line at a time, drawn as
 * paragraphs or, with list set, as a list without bullets; a tag, if any, comes before
 * them.
 */
public record SummaryRow(String key, List<Line> lines, boolean list, Tag tag) {

	/** A row of paragraphs: one line reads as plain text. */
	public static SummaryRow of(String key, List<Line> lines) {
		return new SummaryRow(key, lines, false, null);
	}

	/** A row whose lines are a list without bullets, each a little apart. */
	public static SummaryRow list(String key, List<Line> lines) {
		return new SummaryRow(key, lines, true, null);
	}

	/** This row with a tag before its lines. */
	public SummaryRow tagged(Tag tag) {
		return new SummaryRow(this.key, this.lines, this.list, tag);
	}

	/**
	 * A line of the value: its words, and where they link to (null for none); an external
	 * link sends no referrer.
	 */
	public record Line(String text, String href, boolean external) {

		public static Line text(String text) {
			return new Line(text, null, false);
		}

		public static Line link(String text, String href) {
			return new Line(text, href, false);
		}

		/** A link to another site. */
		public static Line external(String text, String href) {
			return new Line(text, href, true);
		}

	}

}
