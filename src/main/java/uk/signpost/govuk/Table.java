package uk.signpost.govuk;

import java.util.List;

/**
 * A GOV.UK table: its caption, column headings and rows of cells; numeric columns are
 * aligned right, as the Design System asks.
 *
 * @param numeric for each column, whether it holds numbers
 */
public record Table(String caption, List<String> head, List<Boolean> numeric, List<List<Cell>> rows) {

	/** A cell: its text, and where it links to (null for plain text). */
	public record Cell(String text, String href) {

		public static Cell of(String text) {
			return new Cell(text, null);
		}

		public static Cell link(String text, String href) {
			return new Cell(text, href);
		}

	}

	public Table(String caption, List<String> head, List<List<Cell>> rows) {
		this(caption, head, head.stream().map(h -> false).toList(), rows);
	}

	public boolean isNumeric(int column) {
		return column < this.numeric.size() && this.numeric.get(column);
	}

}
