package uk.signpost.quality;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One check of a publisher's feed. A record check applies to each of the publisher's
 * services (or to those with something to check, such as a phone number); a feed check
 * applies once, to an API feed. Each has its words in messages:
 * quality.check.&lt;key&gt;.name, .means and .fix.
 */
enum Check {

	/** The API's root object says it is ORUK 3.0 (the validator's level 1). */
	API_ROOT(true),

	/** /services answers with ORUK's paging fields (level 1). */
	API_PAGING(true),

	/** /services/{id} answers with the full record of a listed service (level 1). */
	API_DETAIL(true),

	/** The importer read the record without an error or a dropped value. */
	VALID(false),

	/** No other record in the feed has the same id. */
	UNIQUE(false),

	/** A phone number or an email address. */
	CONTACT(false),

	/**
	 * A venue whose postcode the gazetteer places, a service area, or a virtual location.
	 */
	PLACE(false),

	/** Opening hours: a schedule. */
	HOURS(false),

	/** Who it is for: ages or eligibility. */
	WHO(false),

	/** What it costs: a cost option or fees. */
	COST(false),

	/** A category: a taxonomy term. */
	CATEGORY(false),

	/** An assured_date and who assured it. */
	ASSURED(false),

	/** Assured within the last {@value Inspection#ASSURED_MONTHS} months. */
	RECENT(false),

	/** Every phone number is a valid UK number (records with phone numbers). */
	PHONES(false),

	/** Every email address is well formed (records with email addresses). */
	EMAILS(false),

	/** Every web address is well formed (records with web addresses). */
	WEB(false),

	/** No schedule or cost option has expired (records with dated ones). */
	CURRENT(false);

	static final List<Check> RECORDS = Arrays.stream(values()).filter(c -> !c.feed).toList();

	static final List<Check> FEED = Arrays.stream(values()).filter(c -> c.feed).toList();

	private final boolean feed;

	Check(boolean feed) {
		this.feed = feed;
	}

	boolean isFeed() {
		return this.feed;
	}

	/** Its name in the database, addresses and messages: "api-root", "phones". */
	String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The check a key names, or null. */
	static Check of(String key) {
		return key == null ? null : Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst().orElse(null);
	}

}
