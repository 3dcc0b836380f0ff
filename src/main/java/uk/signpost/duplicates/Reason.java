package uk.signpost.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.MessageSourceAccessor;

/**
 * Why a pair may be one service, as stored ("phone;distance=40;name=0.92") and as a
 * curator reads it ("same phone, venues 40 m apart, names 0.92 similar").
 *
 * @param value the distance in metres or the similarity, or null
 */
record Reason(Kind kind, Double value) {

	enum Kind {

		PHONE, EMAIL, WEBSITE, POSTCODE, DISTANCE, ORGANISATION, NAME;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	static String store(List<Reason> reasons) {
		List<String> parts = new ArrayList<>();
		for (Reason reason : reasons) {
			parts.add(reason.value == null ? reason.kind.key() : reason.kind.key() + "=" + (reason.kind == Kind.DISTANCE
					? String.valueOf(Math.round(reason.value)) : String.format(Locale.ROOT, "%.2f", reason.value)));
		}
		return String.join(";", parts);
	}

	static List<Reason> read(String stored) {
		List<Reason> reasons = new ArrayList<>();
		for (String part : stored.split(";")) {
			String[] kv = part.split("=", 2);
			try {
				reasons.add(new Reason(Kind.valueOf(kv[0].toUpperCase(Locale.ROOT)),
						kv.length > 1 ? Double.valueOf(kv[1]) : null));
			}
			catch (IllegalArgumentException ex) {
				// A reason a later version stores and this one does not know: left out.
			}
		}
		return reasons;
	}

	/** The reasons in words, joined with commas. */
	static String words(String stored, MessageSourceAccessor text) {
		List<String> words = new ArrayList<>();
		for (Reason reason : read(stored)) {
			String key = "duplicates.reason." + reason.kind.key();
			words.add(reason.value == null ? text.getMessage(key)
					: text.getMessage(key, new Object[] { reason.kind == Kind.DISTANCE ? Math.round(reason.value)
							: String.format(Locale.UK, "%.2f", reason.value) }));
		}
		return String.join(", ", words);
	}

}
