package uk.signpost.review;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;

/**
 * How long a check lasts (signpost.reviews.default-period), and the categories where it
 * lasts less (signpost.reviews.periods.&lt;term&gt;): a key names a taxonomy term by its
 * id, or by words in its name, whole and in order, in any case ("crisis" is "Crisis
 * support"; "mental-health" is "Adult mental health"). A service in several such
 * categories takes the shortest.
 */
@Component
class ReviewPeriods {

	/** Periods are compared by where they end from one day: months are not days. */
	private static final LocalDate FROM = LocalDate.of(2000, 1, 1);

	private final SignpostProperties.Reviews settings;

	ReviewPeriods(SignpostProperties properties) {
		this.settings = properties.getReviews();
	}

	Period defaultPeriod() {
		return this.settings.getDefaultPeriod();
	}

	/** The period the settings give a taxonomy term, or null when none names it. */
	Period period(String termId, String termName) {
		return shortest(this.settings.getPeriods()
			.entrySet()
			.stream()
			.filter(setting -> names(setting.getKey(), termId, termName))
			.map(Map.Entry::getValue)
			.toList());
	}

	/**
	 * Whether any setting names a category: without one, every service has the default.
	 */
	boolean any() {
		return !this.settings.getPeriods().isEmpty();
	}

	static boolean names(String key, String termId, String termName) {
		if (key.equalsIgnoreCase(termId)) {
			return true;
		}
		List<String> wanted = words(key);
		List<String> name = words(termName);
		return !wanted.isEmpty() && java.util.Collections.indexOfSubList(name, wanted) >= 0;
	}

	private static List<String> words(String text) {
		return text == null ? List.of()
				: Arrays.stream(text.toLowerCase(Locale.UK).split("[^\\p{L}\\p{N}]+"))
					.filter(w -> !w.isEmpty())
					.toList();
	}

	/** The shortest of these, or null for none. */
	static Period shortest(Collection<Period> periods) {
		return periods.stream().min(Comparator.comparing(FROM::plus)).orElse(null);
	}

}
