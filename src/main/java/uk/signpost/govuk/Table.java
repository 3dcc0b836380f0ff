package uk.signpost.govuk;

import java.util.List;

/**
 * A GOV.UK table: its caption, column headings and rows of cells; numeric columns are
 * aligned right, as the Design System asks.
 *
 * @param numeric for each column, whether it holds numbers
 */
public record Table(String caption, List<String> head, List<Boolean> numeric, List<List<Cell>> rows) {

	/**
	 * A cell: its text, and where it links to (null for plain text), or, for a change,
	 * the address a button posts to (a form with its token, so it works without
	 * JavaScript). hidden is what only a screen reader hears after the text ("Disable"
	 * which account).
	 */
	public record Cell(String text, String href, boolean post, String hidden) {

		public static Cell of(String text) {
			return new Cell(text, null, false, null);
		}

		public static Cell link(String text, String href) {
			return new Cell(text, href, false, null);
		}

		public static Cell button(String text, String hidden, String action) {
			return new Cell(text, action, true, hidden);
		}

	}

	public Table(String caption, List<String> head, List<List<Cell>> rows) {
		this(caption, head, head.stream().map(h -> false).toList(), rows);
	}

	public boolean isNumeric(int column) {
		return column < this.numeric.size() && this.numeric.get(column);
	}

}
