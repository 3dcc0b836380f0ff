package uk.signpost.search;

import java.util.List;
import java.util.Locale;

/**
 * How a service is delivered. ORUK has no field for it: publishers say it with taxonomy
 * terms ("In person", "Telephone", "Online") or with virtual locations; this reads both.
 * Public for data quality, which asks whether a service says it is delivered remotely.
 */
public final class Delivery {

	public static final String IN_PERSON = "in_person";

	static final String PHONE = "phone";

	static final String ONLINE = "online";

	static final List<String> ALL = List.of(IN_PERSON, PHONE, ONLINE);

	private Delivery() {
	}

	/** The mode a taxonomy term names, or null when it names a need. */
	public static String ofTerm(String termName) {
		String name = termName.toLowerCase(Locale.UK).trim();
		return switch (name) {
			case "in person", "face to face", "face-to-face", "in-person" -> IN_PERSON;
			case "by phone", "phone", "telephone", "by telephone", "helpline" -> PHONE;
			case "online", "virtual", "web", "remote", "video" -> ONLINE;
			default -> null;
		};
	}

	static String label(String mode) {
		return switch (mode) {
			case IN_PERSON -> "In person";
			case PHONE -> "By phone";
			case ONLINE -> "Online";
			default -> mode;
		};
	}

}
