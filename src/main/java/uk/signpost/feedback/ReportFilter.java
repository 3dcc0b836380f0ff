package uk.signpost.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The report queue's filters as asked for in its address, normalised: a value the page
 * does not offer reads as no filter, so a hand-made address never fails.
 *
 * @param state "open" (new or sent, the default), "all", or one state's key
 * @param publisher a publisher id, or null for every one the person may see
 * @param problem one of {@link ReportForm#PROBLEMS}, or null for any
 * @param age "week" or "month" (received in the last 7 or 30 days), "older" (before
 * that), or null for any
 * @param page from 1
 */
record ReportFilter(String state, String publisher, String problem, String age, int page) {

	static final String OPEN = "open";

	static final String ALL = "all";

	static final List<String> AGES = List.of("week", "month", "older");

	static final Duration MONTH = Duration.ofDays(30);

	static ReportFilter of(String state, String publisher, String problem, String age, String page) {
		String s = clean(state);
		return new ReportFilter(s != null && (s.equals(ALL) || ReportState.parse(s) != null) ? s : OPEN,
				clean(publisher), oneOf(ReportForm.PROBLEMS, clean(problem)), oneOf(AGES, clean(age)), number(page));
	}

	/** The same filters in any state: what the counts per state are of. */
	ReportFilter anyState() {
		return new ReportFilter(ALL, this.publisher, this.problem, this.age, 1);
	}

	ReportFilter withState(String state) {
		return new ReportFilter(state, this.publisher, this.problem, this.age, 1);
	}

	/** The states a report in this filter may be in. */
	List<String> states() {
		if (OPEN.equals(this.state)) {
			return ReportState.openKeys();
		}
		ReportState one = ReportState.parse(this.state);
		return one == null ? List.of() : List.of(one.key);
	}

	/** Received at or after this, or null. */
	Instant after(Instant now) {
		return switch (this.age == null ? "" : this.age) {
			case "week" -> now.minus(Duration.ofDays(7));
			case "month" -> now.minus(MONTH);
			default -> null;
		};
	}

	/** Received before this, or null. */
	Instant before(Instant now) {
		return "older".equals(this.age) ? now.minus(MONTH) : null;
	}

	/** The queue's address with these filters (page 1). */
	String address() {
		StringBuilder address = new StringBuilder("/manage/reports?state=").append(this.state);
		if (this.publisher != null) {
			address.append("&publisher=")
				.append(java.net.URLEncoder.encode(this.publisher, java.nio.charset.StandardCharsets.UTF_8));
		}
		if (this.problem != null) {
			address.append("&problem=").append(this.problem);
		}
		if (this.age != null) {
			address.append("&age=").append(this.age);
		}
		return address.toString();
	}

	/**
	 * value if the page offers it, else null (List.of's lists refuse to look for null).
	 */
	private static String oneOf(List<String> offered, String value) {
		return value != null && offered.contains(value) ? value : null;
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static int number(String page) {
		try {
			return Math.max(1, Integer.parseInt(page == null ? "1" : page.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
