package uk.signpost.govuk;

import java.util.List;

/**
 * A table as CSV (RFC 4180), its cells as the page shows them ("fewer than 5" too). A
 * cell a spreadsheet would read as a formula (=, +, -, @, or a tab or return first) gets
 * an apostrophe in front, so opening a download never runs what a search typed or a feed
 * gave. Shared by every CSV download (analytics, data quality).
 */
public final class Csv {

	/**
	 * UTF-8's byte order mark, first in every download: without it Excel on Windows reads
	 * the file as its own code page and garbles "’" and "£".
	 */
	public static final String BOM = "\uFEFF";

	private Csv() {
	}

	public static String of(Table table) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, table.head());
		for (List<Table.Cell> row : table.rows()) {
			line(csv, row.stream().map(Table.Cell::text).toList());
		}
		return csv.toString();
	}

	private static void line(StringBuilder csv, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			csv.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
		}
		csv.append("\r\n");
	}

	public static String cell(String text) {
		String value = text == null ? "" : text;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			value = "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

}
