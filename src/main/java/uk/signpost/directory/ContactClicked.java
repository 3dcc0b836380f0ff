package uk.signpost.directory;

import java.util.Locale;

/**
 * Someone followed a service's phone, email or website link, counted by the server on its
 * way there (no cookie, no JavaScript), for the analytics that listen.
 */
public record ContactClicked(String serviceId, String publisherId, Kind kind) {

	/** Which of the contact summary's links. */
	public enum Kind {

		PHONE, EMAIL, WEBSITE;

		/** The kind a path names ("phone"), or null. */
		public static Kind of(String name) {
			for (Kind kind : values()) {
				if (kind.path().equals(name)) {
					return kind;
				}
			}
			return null;
		}

		public String path() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
