package uk.signpost.quality;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import uk.signpost.directory.Checked;
import uk.signpost.directory.Emails;
import uk.signpost.directory.Phones;
import uk.signpost.directory.Validity;
import uk.signpost.geo.Postcodes;

/**
 * The record checks over one publisher's services: for each check, how many services it
 * applies to, how many fail it, and the first {@link #KEPT} failing records with what is
 * wrong. Pure: the directory's rows, the import's problems, the day and whether the
 * gazetteer places a postcode come in, so each rule is tested on hand-built records.
 */
final class Inspection {

	/** ORUK's good practice: a record is assured at least every three months. */
	static final int ASSURED_MONTHS = 3;

	/**
	 * The import's warnings listed for one record under "Readable records": a feed can
	 * give a record hundreds, and the page and CSV list them in one cell.
	 */
	static final int WARNINGS = 10;

	/** Failing records kept per check, for the drill-down and CSV. */
	static final int KEPT = 5000;

	/** A record failing a check: its ids, name, and the value or what is missing. */
	record Failure(String sourceId, String serviceId, String name, String detail) {
	}

	/** What a check found: records it applies to, those failing, and the first kept. */
	static final class Outcome {

		int applicable;

		int failing;

		final List<Failure> kept = new ArrayList<>();

		void pass() {
			this.applicable++;
		}

		void fail(Failure failure) {
			this.applicable++;
			this.failing++;
			if (this.kept.size() < KEPT) {
				this.kept.add(failure);
			}
		}

	}

	/**
	 * What the import said about the feed's records, by the publisher's own service id:
	 * the problems with each, the ids it found repeated, and the first email address and
	 * web address it refused in each (the directory keeps no refused value, so the email
	 * and web address checks learn of them only here).
	 */
	record ImportFindings(Map<String, String> problems, Map<String, String> repeated, Map<String, String> emails,
			Map<String, String> web) {

		static ImportFindings none() {
			return new ImportFindings(Map.of(), Map.of(), Map.of(), Map.of());
		}

	}

	private Inspection() {
	}

	static Map<Check, Outcome> inspect(List<Facts> services, ImportFindings found, LocalDate today,
			Predicate<String> placed) {
		Map<Check, Outcome> outcomes = new EnumMap<>(Check.class);
		Check.RECORDS.forEach(check -> outcomes.put(check, new Outcome()));
		Map<String, Boolean> placedCache = new HashMap<>();
		Predicate<String> places = postcode -> placedCache.computeIfAbsent(Postcodes.compact(postcode),
				p -> Postcodes.isFull(p) && placed.test(p));
		// Feeds give one switchboard to many services: each number is parsed once.
		Map<String, Boolean> phoneCache = new HashMap<>();
		Predicate<String> phones = number -> phoneCache.computeIfAbsent(number, Phones::validUk);
		Map<String, Facts> bySource = new LinkedHashMap<>();
		for (Facts service : services) {
			bySource.put(service.sourceId, service);
			inspect(service, outcomes, today, places, phones, found);
		}
		// Read but refused, so not in the directory: still records of the feed that fail.
		found.problems().forEach((sourceId, reason) -> {
			Facts service = bySource.get(sourceId);
			outcomes.get(Check.VALID)
				.fail(service == null ? new Failure(sourceId, null, null, reason)
						: new Failure(sourceId, service.id, service.name, reason));
		});
		outcomes.get(Check.VALID).applicable += services.size()
				- (int) found.problems().keySet().stream().filter(bySource::containsKey).count();
		found.repeated().forEach((sourceId, reason) -> {
			Facts service = bySource.get(sourceId);
			outcomes.get(Check.UNIQUE)
				.fail(new Failure(sourceId, service == null ? null : service.id, service == null ? null : service.name,
						reason));
		});
		outcomes.get(Check.UNIQUE).applicable += services.size()
				- (int) found.repeated().keySet().stream().filter(bySource::containsKey).count();
		return outcomes;
	}

	private static void inspect(Facts s, Map<Check, Outcome> outcomes, LocalDate today, Predicate<String> places,
			Predicate<String> phones, ImportFindings found) {
		record(outcomes, Check.CONTACT, s, s.phones.isEmpty() && s.emails.isEmpty() ? "" : null);
		boolean placed = s.remote || s.serviceArea || s.postcodes.stream().anyMatch(places);
		record(outcomes, Check.PLACE, s, placed ? null : String.join(", ", s.postcodes));
		record(outcomes, Check.HOURS, s, s.schedules > 0 ? null : "");
		record(outcomes, Check.WHO, s,
				s.minimumAge != null || s.maximumAge != null || present(s.eligibility) ? null : "");
		record(outcomes, Check.COST, s, s.costOptions > 0 || present(s.fees) ? null : "");
		record(outcomes, Check.CATEGORY, s, s.category ? null : "");
		record(outcomes, Check.ASSURED, s, s.assuredDate != null && present(s.assurerEmail) ? null
				: s.assuredDate == null ? "" : s.assuredDate.toString());
		record(outcomes, Check.RECENT, s, s.assuredDate != null && Checked.months(s.assuredDate, today) < ASSURED_MONTHS
				? null : s.assuredDate == null ? "" : s.assuredDate.toString());
		if (!s.phones.isEmpty()) {
			record(outcomes, Check.PHONES, s, wrong(s.phones, phones));
		}
		String refusedEmail = found.emails().get(s.sourceId);
		if (!s.emails.isEmpty() || refusedEmail != null) {
			String stored = s.emails.isEmpty() ? null : wrong(s.emails, Emails::valid);
			record(outcomes, Check.EMAILS, s, stored != null ? stored : refusedEmail);
		}
		String refusedWeb = found.web().get(s.sourceId);
		if (!s.webAddresses.isEmpty() || refusedWeb != null) {
			String stored = s.webAddresses.isEmpty() ? null : wrong(s.webAddresses, Inspection::webAddress);
			record(outcomes, Check.WEB, s, stored != null ? stored : refusedWeb);
		}
		List<LocalDate> dated = s.validTo.stream().filter(day -> day != null).toList();
		if (!dated.isEmpty()) {
			List<String> expired = dated.stream()
				.filter(day -> !Validity.current(null, day, today))
				.map(LocalDate::toString)
				.toList();
			record(outcomes, Check.CURRENT, s, expired.isEmpty() ? null : String.join(", ", expired));
		}
	}

	/** detail null: the record passes; otherwise it fails, and this is what is wrong. */
	private static void record(Map<Check, Outcome> outcomes, Check check, Facts s, String detail) {
		if (detail == null) {
			outcomes.get(check).pass();
		}
		else {
			outcomes.get(check).fail(new Failure(s.sourceId, s.id, s.name, detail));
		}
	}

	/** The values failing a rule, joined, or null when all pass. */
	private static String wrong(List<String> values, Predicate<String> rule) {
		List<String> wrong = values.stream().filter(rule.negate()).toList();
		return wrong.isEmpty() ? null : String.join(", ", wrong);
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	/**
	 * A web address a browser can open: http or https, and a host name with a dot in it
	 * (not "localhost", not a bare word), with nothing that is not allowed in an address.
	 */
	static boolean webAddress(String address) {
		try {
			URI uri = new URI(address);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost();
			return (scheme.equals("http") || scheme.equals("https")) && host != null && host.contains(".")
					&& !host.endsWith(".") && !host.startsWith(".");
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
