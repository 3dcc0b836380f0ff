package uk.signpost.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;

/**
 * The demo directory as three publishers' feeds that overlap the way real ones do (issue
 * 17): a county council, an NHS trust and a voluntary-sector network. A service may be
 * listed by one, two or all three, each copy with the publisher's own ids, wording and
 * completeness, a slightly different name, the same or a nearby venue, the phone number
 * written the publisher's way and an older or newer check. Which records are the same
 * service is written beside the feeds in {@value #TRUTH}, so detection can be scored.
 */
public final class DemoPublishers {

	/**
	 * The truth file: group,publisher,source id, one line per record listed twice or
	 * more.
	 */
	public static final String TRUTH = "duplicates.csv";

	/** A publisher of the demo, with its habits. */
	public record Publisher(String id, String name, String organisation, Voice voice) {
	}

	public static final List<Publisher> ALL = List.of(
			new Publisher("lancashire-county-council", "Lancashire County Council (made-up data)",
					"Lancashire County Council", Voice.COUNCIL),
			new Publisher("nhs-lancashire", "NHS Lancashire (made-up data)", "NHS Lancashire", Voice.PROVIDER),
			new Publisher("lancashire-vcs-network", "Lancashire Voluntary Sector Network (made-up data)",
					"Lancashire Voluntary Sector Network", Voice.PROVIDER));

	/**
	 * Ofcom's ranges kept for drama, so every service has a number of its own up to
	 * 14,000 services and no real person is reached: area code, local part's start.
	 */
	private static final String[][] DRAMA = { { "01632", "960" }, { "0113", "4960" }, { "0114", "4960" },
			{ "0115", "4960" }, { "0116", "4960" }, { "0117", "4960" }, { "0118", "4960" }, { "0121", "4960" },
			{ "0131", "4960" }, { "0141", "4960" }, { "0151", "4960" }, { "0161", "4960" }, { "020", "79460" },
			{ "0808", "1570" } };

	public record Summary(Map<String, Integer> records, int services, int listedTwiceOrMore, Path truth) {

		public int total() {
			return this.records.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	private final Random random;

	private final DemoDirectory generator;

	private final Set<String> names = new HashSet<>();

	private int next;

	private DemoPublishers(long seed, LocalDate today, int records) {
		this.random = new Random(seed ^ 0x5EED);
		// Areas sized for four times the records, so that distinct services rarely share
		// a
		// name: two "Preston Foodbank"s that are not one service would confuse any
		// reader.
		this.generator = DemoDirectory.generator(seed, today, records * 4);
	}

	/**
	 * Writes about records services in all, over the three publishers' folders under
	 * folder (one a publisher id, as {@link DemoDirectory} writes one), and the truth
	 * file.
	 */
	public static Summary write(Path folder, int records, long seed, LocalDate today) throws IOException {
		return new DemoPublishers(seed, today, records).writeAll(folder, records);
	}

	/**
	 * Imports each publisher's folder through the importer; the failed report, or null.
	 */
	public static ImportReport load(Importer importer, Path folder) {
		for (Publisher publisher : ALL) {
			ImportReport report = importer.importFeed(new FeedSource.Files(folder.resolve(publisher.id())),
					publisher.id(), publisher.name());
			if (!report.succeeded()) {
				return report;
			}
		}
		return null;
	}

	private Summary writeAll(Path folder, int records) throws IOException {
		List<List<Map<String, Object>>> feeds = new ArrayList<>();
		ALL.forEach(p -> feeds.add(new ArrayList<>()));
		int services = 0;
		int shared = 0;
		Path truth = folder.resolve(TRUTH);
		Files.createDirectories(folder);
		try (Writer out = Files.newBufferedWriter(truth, StandardCharsets.UTF_8)) {
			out.write("group,publisher,source_id\n");
			int written = 0;
			while (written < records) {
				Map<String, Object> base = distinct();
				List<Integer> listers = listers(Math.min(3, records - written));
				services++;
				if (listers.size() > 1) {
					shared++;
				}
				for (int copy = 0; copy < listers.size(); copy++) {
					Publisher publisher = ALL.get(listers.get(copy));
					Map<String, Object> record = copy(base, publisher, copy);
					feeds.get(listers.get(copy)).add(record);
					if (listers.size() > 1) {
						out.write(services + "," + publisher.id() + "," + record.get("id") + "\n");
					}
				}
				written += listers.size();
			}
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (int p = 0; p < ALL.size(); p++) {
			Publisher publisher = ALL.get(p);
			Path feed = folder.resolve(publisher.id());
			DemoDirectory.writeJson(feed.resolve("taxonomy.json"), ids(this.generator.taxonomy(), publisher.id()));
			List<Map<String, Object>> list = feeds.get(p);
			DemoDirectory.writePages(feed, list.size(), list::get);
			counts.put(publisher.id(), list.size());
		}
		return new Summary(counts, services, shared, truth);
	}

	/**
	 * The next service whose name no earlier one had, with a phone number of its own
	 * (numbers are reused only past 14,000 services).
	 */
	private Map<String, Object> distinct() {
		while (true) {
			Map<String, Object> service = this.generator.service(this.next++);
			if (this.names.add(((String) service.get("name")).toLowerCase(Locale.UK))) {
				int number = this.names.size() - 1;
				String[] range = DRAMA[(number / 1000) % DRAMA.length];
				service.put("phones",
						List.of(Map.of("id", DemoDirectory.id("phone", service.get("id")), "number",
								range[0] + " " + range[1] + String.format("%03d", number % 1000), "description",
								"Main number")));
				return service;
			}
		}
	}

	/**
	 * Who lists a service: half by one publisher only (the council most often), a third
	 * by two, the rest by all three. The first lister's copy is the original.
	 */
	private List<Integer> listers(int most) {
		int roll = this.random.nextInt(100);
		int count = Math.min(most, roll < 50 ? 1 : roll < 85 ? 2 : 3);
		List<Integer> all = new ArrayList<>(List.of(0, 1, 2));
		java.util.Collections.shuffle(all, this.random);
		if (count == 1) {
			int only = this.random.nextInt(4);
			return List.of(only < 2 ? 0 : only - 1);
		}
		return all.subList(0, count);
	}

	/**
	 * One publisher's copy of base: its ids, and copy > 0 varied as another writer would.
	 */
	private Map<String, Object> copy(Map<String, Object> base, Publisher publisher, int copy) {
		@SuppressWarnings("unchecked")
		Map<String, Object> record = (Map<String, Object>) ids(base, publisher.id());
		String need = need(base);
		if (publisher.voice() == Voice.PROVIDER && need != null) {
			List<String> offers = ProviderWording.of(need).offers();
			record.put("description", offers.get(this.random.nextInt(offers.size())));
		}
		if (copy > 0) {
			record.put("name", rename((String) base.get("name"), base));
			varyVenue(record, publisher, copy);
			varyContacts(record);
			// One copy is checked more recently than another.
			LocalDate assured = LocalDate.parse((String) base.get("assured_date")).minusDays(this.random.nextInt(400));
			record.put("assured_date", assured.toString());
			record.put("last_modified", assured.atStartOfDay().atOffset(java.time.ZoneOffset.UTC).toString());
		}
		record.put("phones", phones(record, publisher, copy));
		if (publisher.id().equals("lancashire-vcs-network")) {
			// The network's records are the least complete.
			if (this.random.nextInt(10) < 3) {
				record.remove("schedules");
			}
			if (this.random.nextInt(10) < 4) {
				record.remove("cost_options");
			}
		}
		return record;
	}

	private static String need(Map<String, Object> service) {
		for (Object attribute : (List<?>) service.get("attributes")) {
			Map<?, ?> term = (Map<?, ?>) ((Map<?, ?>) attribute).get("taxonomy_term");
			if ("Signpost needs".equals(term.get("taxonomy"))) {
				return (String) term.get("name");
			}
		}
		return null;
	}

	/** The name as another publisher writes it. */
	private String rename(String name, Map<String, Object> base) {
		String organisation = (String) ((Map<?, ?>) base.get("organization")).get("name");
		return switch (this.random.nextInt(10)) {
			case 0, 1, 2 -> name;
			case 3, 4 -> name.replace("Foodbank", "Food Bank")
				.replace(" and ", " & ")
				.replace("Centre", "Ctr")
				.replace("Advice", "advice");
			case 5, 6 -> name + " (" + organisation + ")";
			case 7 -> name.toUpperCase(Locale.UK);
			case 8 -> "The " + name;
			default -> name.replaceFirst(" ", " - ");
		};
	}

	/** The same venue, one a little way off with another postcode, or none given. */
	private void varyVenue(Map<String, Object> record, Publisher publisher, int copy) {
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> sals = (List<Map<String, Object>>) record.get("service_at_locations");
		if (sals == null || sals.isEmpty()) {
			return;
		}
		int roll = this.random.nextInt(10);
		if (roll == 0 && publisher.voice() == Voice.PROVIDER) {
			record.put("service_at_locations", List.of());
		}
		else if (roll < 3) {
			Map<String, Object> sal = sals.get(0);
			@SuppressWarnings("unchecked")
			Map<String, Object> location = (Map<String, Object>) ids(sal.get("location"), "moved:" + record.get("id"));
			double metres = 20 + this.random.nextInt(130);
			double bearing = this.random.nextDouble() * 2 * Math.PI;
			double latitude = (Double) location.get("latitude") + metres * Math.cos(bearing) / 111_320;
			double longitude = (Double) location.get("longitude") + metres * Math.sin(bearing) / 68_000;
			location.put("latitude", Math.round(latitude * 1e6) / 1e6);
			location.put("longitude", Math.round(longitude * 1e6) / 1e6);
			@SuppressWarnings("unchecked")
			Map<String, Object> address = ((List<Map<String, Object>>) location.get("addresses")).get(0);
			String postcode = (String) address.get("postal_code");
			// The neighbouring postcode in the same sector.
			address.put("postal_code", postcode.substring(0, postcode.length() - 1)
					+ (postcode.endsWith("Z") ? "Y" : (char) (postcode.charAt(postcode.length() - 1) + 1)));
			List<Map<String, Object>> moved = new ArrayList<>(sals);
			Map<String, Object> first = new LinkedHashMap<>(sal);
			first.put("location", location);
			moved.set(0, first);
			record.put("service_at_locations", moved);
		}
	}

	/** Email and website written differently, or left out. */
	private void varyContacts(Map<String, Object> record) {
		int roll = this.random.nextInt(10);
		if (roll < 2) {
			record.remove("email");
		}
		else if (roll < 4) {
			record.put("email", ((String) record.get("email")).toUpperCase(Locale.UK));
		}
		roll = this.random.nextInt(10);
		if (roll < 2) {
			record.remove("url");
		}
		else if (roll < 5) {
			record.put("url", ((String) record.get("url")).replace("https://", "http://www.") + "/");
		}
	}

	/**
	 * The service's number written the publisher's way; now and then a copy gives another
	 * number (a trust's central booking line).
	 */
	private List<Map<String, Object>> phones(Map<String, Object> record, Publisher publisher, int copy) {
		Map<?, ?> phone = (Map<?, ?>) ((List<?>) record.get("phones")).get(0);
		String[] parts = ((String) phone.get("number")).split(" ", 2);
		if (copy > 0 && this.random.nextInt(100) < 8) {
			parts = new String[] { "0808", "1570" + String.format("%03d", this.random.nextInt(1000)) };
		}
		String number = switch (publisher.id()) {
			case "nhs-lancashire" -> "+44 " + parts[0].substring(1) + " " + parts[1];
			case "lancashire-vcs-network" -> "(" + parts[0] + ") " + parts[1];
			default -> parts[0] + " " + parts[1].substring(0, 3) + " " + parts[1].substring(3);
		};
		return List.of(Map.of("id", phone.get("id"), "number", number, "description", phone.get("description")));
	}

	/**
	 * A deep copy with every id made the publisher's own (the same id gives the same
	 * one).
	 */
	private static Object ids(Object value, String owner) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, v) -> copy.put((String) key,
					v instanceof String id && ID_FIELDS.contains(key) ? own(owner, id) : ids(v, owner)));
			return copy;
		}
		if (value instanceof List<?> list) {
			return new ArrayList<>(list.stream().map(v -> ids(v, owner)).toList());
		}
		return value;
	}

	private static final Set<String> ID_FIELDS = Set.of("id", "link_id", "parent_id", "taxonomy_id",
			"taxonomy_term_id");

	private static String own(String owner, String id) {
		return UUID.nameUUIDFromBytes((owner + ":" + id).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
