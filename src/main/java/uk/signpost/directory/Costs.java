package uk.signpost.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What "Free" means, for the index's filter, the result cards and the service page alike:
 * a service is free when every cost option that applies today is free, or, when it has
 * none, when its fees text says so. An option whose valid_to has passed (or valid_from
 * has not come) counts for nothing.
 */
public final class Costs {

	private static final Pattern FREE = Pattern.compile("^\\s*(free|no charge|no cost|£?0(\\.00)?)\\b",
			Pattern.CASE_INSENSITIVE);

	private Costs() {
	}

	/** One option: nothing to pay, or no amount and words that say free. */
	public static boolean isFree(BigDecimal amount, String description) {
		return amount != null ? amount.signum() == 0 : description != null && FREE.matcher(description).find();
	}

	/** The options that apply today. */
	public static List<Service.CostOption> current(List<Service.CostOption> options, LocalDate today) {
		return options.stream().filter(o -> Validity.current(o.validFrom(), o.validTo(), today)).toList();
	}

	/** currentFree: whether each option that applies today is free, in any order. */
	public static boolean isFree(List<Boolean> currentFree, String fees) {
		if (!currentFree.isEmpty()) {
			return currentFree.stream().allMatch(Boolean::booleanValue);
		}
		return fees != null && FREE.matcher(fees).find();
	}

}
