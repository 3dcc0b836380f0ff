package uk.signpost.ingest;

import java.util.List;

/**
 * One ORUK field as the importer reads it: the JSON property and the column share ORUK's
 * name. Text limits match the column sizes in V1__oruk_directory.sql.
 */
record Field(String name, Kind kind, int maxLength, List<String> allowed) {

	static final int SHORT = 500;

	static final int LONG = 20000;

	static final int URL_LENGTH = 2048;

	enum Kind {

		TEXT, URL, EMAIL, INTEGER, DECIMAL, LATITUDE, LONGITUDE, DATE, TIME, DATE_TIME, ENUM

	}

	static Field text(String name) {
		return new Field(name, Kind.TEXT, SHORT, List.of());
	}

	static Field text(String name, int maxLength) {
		return new Field(name, Kind.TEXT, maxLength, List.of());
	}

	static Field longText(String name) {
		return new Field(name, Kind.TEXT, LONG, List.of());
	}

	static Field url(String name) {
		return new Field(name, Kind.URL, URL_LENGTH, List.of());
	}

	static Field email(String name) {
		return new Field(name, Kind.EMAIL, SHORT, List.of());
	}

	static Field integer(String name) {
		return new Field(name, Kind.INTEGER, 0, List.of());
	}

	static Field decimal(String name) {
		return new Field(name, Kind.DECIMAL, 0, List.of());
	}

	static Field of(String name, Kind kind) {
		return new Field(name, kind, 0, List.of());
	}

	static Field oneOf(String name, String... allowed) {
		return new Field(name, Kind.ENUM, SHORT, List.of(allowed));
	}

}
