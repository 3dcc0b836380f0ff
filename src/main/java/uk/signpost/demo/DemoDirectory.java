package uk.signpost.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import uk.signpost.directory.Service;

/**
 * Writes a realistic, made-up ORUK 3.0 directory for Lancashire: real towns and outward
 * codes, plausible venues and coordinates, and services for the needs residents search
 * for. The same seed and date always give the same files. Phone numbers are in Ofcom's
 * ranges kept for drama (01632 960xxx, 0808 157 0xxx) and e-mail and web addresses are
 * under example.org, so no real person is reached.
 */
public final class DemoDirectory {

	public static final String PUBLISHER = "signpost-demo";

	public static final String PUBLISHER_NAME = "Signpost demo directory (made-up data)";

	public static final long DEFAULT_SEED = 20261125L;

	static final int PAGE_SIZE = 500;

	private static final String[] AREAS = { "", "North", "South", "East", "West", "Central", "Park", "Moor", "Brook",
			"Hill", "Green", "Vale" };

	private static final String[] STREETS = { "High Street", "Church Street", "Market Street", "Station Road",
			"Victoria Road", "King Street", "Queen Street", "Park Road", "Mill Lane", "Chapel Street", "Union Street",
			"Water Street", "Albert Road", "Blackburn Road", "Manchester Road", "Garstang Road", "Liverpool Road",
			"St James Street", "Bank Parade", "Greenbank Road" };

	private static final String[] VENUES = { "{town} Library", "{town} Community Centre", "St Mary's Church Hall",
			"{town} Family Hub", "{town} Health Centre", "The Mill Community Hub", "{town} Town Hall",
			"{town} Methodist Church", "{town} Youth and Community Centre", "Sure Start Centre {town}",
			"{town} Leisure Centre", "{town} Children's Centre", "{town} Baptist Church Hall", "{town} Cricket Club",
			"{town} Primary School", "{town} Jobcentre Plus", "{town} Market Hall", "The Old Fire Station {town}" };

	/**
	 * Local groups that run a little of everything, as real community organisations do.
	 */
	private static final String[] COMMUNITY_ORGANISATIONS = { "{town} Community Association", "{town} Baptist Church",
			"{town} Rotary Club", "{town} Neighbourhood Network", "{town} Wellbeing Hub",
			"{town} Council for Voluntary Service", "{town} Lions Club", "Salvation Army {town}",
			"{town} Mosque Community Project", "Trinity Church {town}", "{town} Together CIC",
			"{town} Residents Association" };

	private static final String[] POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ".split("");

	private static final String[] OTHER_LANGUAGES = { "Urdu", "Polish", "Gujarati", "Punjabi", "Bengali", "Arabic",
			"Romanian", "British Sign Language" };

	private static final String[] LANGUAGE_CODES = { "ur", "pl", "gu", "pa", "bn", "ar", "ro", "bfi" };

	private static final String[] EXTRA = { "Run by friendly staff and trained volunteers.",
			"Interpreters can be arranged if you ask when you book.", "Everything you tell us is confidential.",
			"We can also put you in touch with other local support.",
			"Tea, coffee and a warm welcome are always on offer.",
			"We work closely with local GPs, schools and the council." };

	private final Random random;

	private final LocalDate today;

	private final Voice voice;

	private final int areas;

	private final Map<String, Map<String, Object>> organisations = new HashMap<>();

	private final Map<String, Map<String, Object>> venues = new HashMap<>();

	private final Set<String> organisationsUsed = new LinkedHashSet<>();

	private final Set<String> locationsUsed = new LinkedHashSet<>();

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private DemoDirectory(long seed, LocalDate today, int services, Voice voice) {
		this.random = new Random(seed);
		this.today = today;
		this.voice = voice;
		this.areas = Math.min(AREAS.length * 20, Math.max(1, (services + 2399) / 2400));
	}

	public record Summary(int services, int organisations, int locations, List<Path> files) {
	}

	/** Whether a demo directory, of one publisher or three, is among these publishers. */
	public static boolean loaded(java.util.Collection<String> publisherIds) {
		return publisherIds.contains(PUBLISHER)
				|| DemoPublishers.ALL.stream().anyMatch(p -> publisherIds.contains(p.id()));
	}

	/**
	 * A generator of single services, for {@link DemoPublishers}: areas are sized as for
	 * a directory of size services.
	 */
	static DemoDirectory generator(long seed, LocalDate today, int size) {
		return new DemoDirectory(seed, today, size, Voice.COUNCIL);
	}

	/**
	 * Writes taxonomy.json and services-NNNN.json pages into folder, in the council's
	 * words.
	 */
	public static Summary write(Path folder, int services, long seed, LocalDate today) throws IOException {
		return write(folder, services, seed, today, Voice.COUNCIL);
	}

	/** The same, with services named and described in voice's words. */
	public static Summary write(Path folder, int services, long seed, LocalDate today, Voice voice) throws IOException {
		return new DemoDirectory(seed, today, services, voice).writeAll(folder, services);
	}

	private Summary writeAll(Path folder, int services) throws IOException {
		List<Path> files = new ArrayList<>();
		files.add(writeJson(folder.resolve("taxonomy.json"), taxonomy()));
		files.addAll(writePages(folder, services, this::service));
		return new Summary(services, this.organisationsUsed.size(), this.locationsUsed.size(), files);
	}

	/** Writes value as pretty-printed JSON into file, making its folder. */
	static Path writeJson(Path file, Object value) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			JSON.writerWithDefaultPrettyPrinter().writeValue(out, value);
		}
		return file;
	}

	/**
	 * Writes count records into services-NNNN.json pages of an ORUK paged response,
	 * asking record for each in turn, so a large directory is never all in memory.
	 */
	static List<Path> writePages(Path folder, int count, IntFunction<Object> record) throws IOException {
		Files.createDirectories(folder);
		List<Path> files = new ArrayList<>();
		int pages = (count + PAGE_SIZE - 1) / PAGE_SIZE;
		for (int page = 1; page <= pages; page++) {
			Path file = folder.resolve(String.format("services-%04d.json", page));
			int from = (page - 1) * PAGE_SIZE;
			int to = Math.min(count, from + PAGE_SIZE);
			try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = JSON.createGenerator(out)) {
				generator.writeStartObject();
				generator.writeNumberProperty("total_items", count);
				generator.writeNumberProperty("total_pages", pages);
				generator.writeNumberProperty("page_number", page);
				generator.writeNumberProperty("size", to - from);
				generator.writeBooleanProperty("first_page", page == 1);
				generator.writeBooleanProperty("last_page", page == pages);
				generator.writeBooleanProperty("empty", false);
				generator.writeName("contents");
				generator.writeStartArray();
				for (int i = from; i < to; i++) {
					JSON.writeValue(generator, record.apply(i));
				}
				generator.writeEndArray();
				generator.writeEndObject();
			}
			files.add(file);
		}
		return files;
	}

	static String id(String kind, Object key) {
		return UUID.nameUUIDFromBytes(("demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	static final String NEEDS_TAXONOMY = id("taxonomy", "needs");

	static final String DELIVERY_TAXONOMY = id("taxonomy", "delivery");

	Map<String, Object> taxonomy() {
		List<Object> terms = new ArrayList<>();
		Set<String> categories = new LinkedHashSet<>();
		Need.ALL.forEach(n -> categories.add(n.category()));
		for (String category : categories) {
			terms.add(term(category, null, "Help with " + category.toLowerCase(Locale.UK)));
		}
		for (Need need : Need.ALL) {
			terms.add(term(need.term(), need.category(), need.in(this.voice).offers().get(0)));
		}
		Map<String, Object> taxonomy = new LinkedHashMap<>();
		taxonomy.put("id", NEEDS_TAXONOMY);
		taxonomy.put("name", "Signpost needs");
		taxonomy.put("description", "Plain-English categories of need that residents search and browse by.");
		taxonomy.put("version", "1");
		taxonomy.put("taxonomy_terms", terms);
		return taxonomy;
	}

	private static Map<String, Object> term(String name, String parent, String description) {
		Map<String, Object> term = new LinkedHashMap<>();
		term.put("id", id("term", name));
		term.put("name", name);
		term.put("description", description);
		if (parent != null) {
			term.put("parent_id", id("term", parent));
		}
		term.put("taxonomy", "Signpost needs");
		term.put("taxonomy_id", NEEDS_TAXONOMY);
		return term;
	}

	private static Map<String, Object> deliveryTerm(String name) {
		Map<String, Object> term = new LinkedHashMap<>();
		term.put("id", id("delivery", name));
		term.put("name", name);
		term.put("description", "Delivered " + name.toLowerCase(Locale.UK));
		term.put("taxonomy", "Delivery method");
		term.put("taxonomy_id", DELIVERY_TAXONOMY);
		return term;
	}

	Map<String, Object> service(int index) {
		Need need = Need.ALL.get(this.random.nextInt(Need.ALL.size()));
		Need.Wording words = need.in(this.voice);
		Town town = Town.LANCASHIRE.get(this.random.nextInt(Town.LANCASHIRE.size()));
		int area = this.random.nextInt(this.areas);
		String place = area == 0 ? town.name() : town.name() + " " + AREAS[area % AREAS.length]
				+ (area >= AREAS.length ? " " + (area / AREAS.length + 1) : "");
		String organisationName = fill(
				this.random.nextInt(4) == 0 ? pick(COMMUNITY_ORGANISATIONS) : pick(words.organisations()), place, town,
				null);
		Map<String, Object> organisation = organisation(organisationName, town);
		String venueName = fill(pick(VENUES), place, town, null);
		String name = fill(pick(words.names()), place, town, venueName);

		String delivery = pickDelivery(need);
		List<Map<String, Object>> serviceAtLocations = new ArrayList<>();
		if (delivery.contains("person")) {
			int count = this.random.nextInt(10) < 6 ? 1 : 2;
			for (int v = 0; v < count; v++) {
				Map<String, Object> venue = v == 0 && name.contains(venueName) ? venue(venueName, town, place)
						: this.random.nextBoolean() ? venue(fill(pick(VENUES), place, town, null), town, place)
								: venue(organisationName, town, place + "|" + this.random.nextInt(5));
				if (serviceAtLocations.stream()
					.noneMatch(s -> ((Map<?, ?>) s.get("location")).get("id").equals(venue.get("id")))) {
					serviceAtLocations.add(Map.of("id", id("sal", index + ":" + v), "location", venue));
					this.locationsUsed.add((String) venue.get("id"));
				}
			}
		}

		Map<String, Object> service = new LinkedHashMap<>();
		String serviceId = id("service", index);
		service.put("id", serviceId);
		service.put("name", name);
		service.put("description", pick(words.offers()) + " " + pick(EXTRA));
		String slug = slug(organisationName);
		service.put("url", "https://" + slug + ".example.org/" + slug(need.term()));
		service.put("email", "hello@" + slug + ".example.org");
		int statusRoll = this.random.nextInt(100);
		service.put("status", statusRoll < 97 ? "active" : statusRoll < 99 ? Service.TEMPORARILY_CLOSED : "inactive");
		boolean free = need.usuallyFree() ? this.random.nextInt(10) < 9 : this.random.nextInt(10) < 3;
		service.put("fees", free ? "Free" : "A small charge per session; ask about concessions.");
		service.put("eligibility_description", words.who().replace("{town}", town.name()));
		service.put("application_process", pick(words.how()));
		if (need.minimumAge() != null) {
			service.put("minimum_age", need.minimumAge());
		}
		if (need.maximumAge() != null) {
			service.put("maximum_age", need.maximumAge());
		}
		LocalDate assured = assuredDate();
		service.put("assured_date", assured.toString());
		service.put("assurer_email", "directory@lancashire.example.org");
		if (this.random.nextInt(100) < 3) {
			service.put("alert", "Closed from 24 December to 2 January. For urgent help call NHS 111.");
		}
		service.put("last_modified",
				assured.atTime(9 + this.random.nextInt(8), this.random.nextInt(60))
					.atOffset(ZoneOffset.UTC)
					.toString());
		service.put("organization", organisation);
		this.organisationsUsed.add((String) organisation.get("id"));
		service.put("service_at_locations", serviceAtLocations);
		service.put("schedules", schedules(need, serviceId));
		service.put("languages", languages(serviceId));
		service.put("cost_options", List.of(costOption(serviceId, free)));
		service.put("phones", List.of(phone(serviceId, need, delivery)));
		if (this.random.nextBoolean()) {
			service.put("contacts", List.of(contact(serviceId)));
		}
		if (this.random.nextInt(10) < 3) {
			service.put("service_areas", List.of(Map.of("id", id("area", serviceId), "name",
					this.random.nextBoolean() ? "Lancashire" : town.district(), "extent_type", "other")));
		}
		if (need.referral()) {
			service.put("required_documents", List
				.of(Map.of("id", id("doc", serviceId), "document", "A referral or voucher from a support agency")));
		}
		service.put("attributes", attributes(serviceId, need, delivery));
		return service;
	}

	private String pickDelivery(Need need) {
		int roll = this.random.nextInt(100);
		if (need.term().equals("Crisis support") && roll < 50) {
			return "phone";
		}
		return roll < 70 ? "in person" : roll < 85 ? "in person,phone" : roll < 95 ? "phone,online" : "online";
	}

	private List<Map<String, Object>> attributes(String serviceId, Need need, String delivery) {
		List<Map<String, Object>> attributes = new ArrayList<>();
		attributes
			.add(attribute(serviceId, "need", term(need.term(), need.category(), need.in(this.voice).offers().get(0))));
		for (String mode : delivery.split(",")) {
			String label = switch (mode) {
				case "in person" -> "In person";
				case "phone" -> "By phone";
				default -> "Online";
			};
			attributes.add(attribute(serviceId, label, deliveryTerm(label)));
		}
		return attributes;
	}

	private static Map<String, Object> attribute(String serviceId, String key, Map<String, Object> term) {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("id", id("attribute", serviceId + key));
		attribute.put("link_id", serviceId);
		attribute.put("link_type", "service");
		attribute.put("taxonomy_term_id", term.get("id"));
		attribute.put("taxonomy_term", term);
		return attribute;
	}

	private List<Map<String, Object>> schedules(Need need, String serviceId) {
		Map<String, Object> schedule = new LinkedHashMap<>();
		schedule.put("id", id("schedule", serviceId));
		schedule.put("freq", "WEEKLY");
		schedule.put("interval", 1);
		String days;
		String opens;
		String closes;
		if (need.term().equals("Crisis support") && this.random.nextBoolean()) {
			days = "MO,TU,WE,TH,FR,SA,SU";
			opens = "00:00";
			closes = "23:59";
		}
		else {
			switch (this.random.nextInt(5)) {
				case 0, 1 -> {
					days = "MO,TU,WE,TH,FR";
					opens = "09:00";
					closes = this.random.nextBoolean() ? "17:00" : "16:30";
				}
				case 2 -> {
					days = pick(new String[] { "MO", "TU", "WE", "TH", "FR" });
					opens = "10:00";
					closes = "12:00";
				}
				case 3 -> {
					days = pick(new String[] { "TU,TH", "MO,WE,FR", "WE" });
					opens = "13:00";
					closes = "15:30";
				}
				default -> {
					days = pick(new String[] { "TU", "TH", "SA" });
					opens = "18:00";
					closes = "20:30";
				}
			}
		}
		schedule.put("byday", days);
		schedule.put("opens_at", opens + ":00");
		schedule.put("closes_at", closes + ":00");
		schedule.put("description", "Closed on bank holidays.");
		return List.of(schedule);
	}

	private List<Map<String, Object>> languages(String serviceId) {
		List<Map<String, Object>> languages = new ArrayList<>();
		languages.add(Map.of("id", id("language", serviceId + "en"), "name", "English", "code", "en"));
		if (this.random.nextInt(5) == 0) {
			int other = this.random.nextInt(OTHER_LANGUAGES.length);
			languages.add(Map.of("id", id("language", serviceId + other), "name", OTHER_LANGUAGES[other], "code",
					LANGUAGE_CODES[other]));
		}
		return languages;
	}

	private Map<String, Object> costOption(String serviceId, boolean free) {
		Map<String, Object> cost = new LinkedHashMap<>();
		cost.put("id", id("cost", serviceId));
		if (free) {
			cost.put("amount", 0);
			cost.put("amount_description", "Free");
		}
		else {
			cost.put("option", "Per session");
			cost.put("currency", "GBP");
			cost.put("amount", 2 + this.random.nextInt(9));
			cost.put("amount_description", "Per session; free for people on Universal Credit");
		}
		return cost;
	}

	private Map<String, Object> phone(String serviceId, Need need, String delivery) {
		boolean helpline = delivery.contains("phone") && this.random.nextBoolean();
		String number = helpline ? String.format("0808 157 0%03d", this.random.nextInt(1000))
				: String.format("01632 960%03d", this.random.nextInt(1000));
		return Map.of("id", id("phone", serviceId), "number", number, "description",
				helpline ? "Free helpline" : "Main number");
	}

	private Map<String, Object> contact(String serviceId) {
		String[] first = { "Sam", "Priya", "Tom", "Aisha", "Gareth", "Joanne", "Imran", "Karen", "Lee", "Zofia" };
		String[] last = { "Whittle", "Patel", "Ashworth", "Hussain", "Bamber", "Kowalski", "Singleton", "Walsh" };
		String name = pick(first) + " " + pick(last);
		return Map.of("id", id("contact", serviceId), "name", name, "title", "Service coordinator", "phones",
				List.of(Map.of("id", id("contact-phone", serviceId), "number",
						String.format("01632 960%03d", this.random.nextInt(1000)))));
	}

	private Map<String, Object> organisation(String name, Town town) {
		return this.organisations.computeIfAbsent(name, n -> {
			Map<String, Object> organisation = new LinkedHashMap<>();
			organisation.put("id", id("organisation", n));
			organisation.put("name", n);
			organisation.put("description", describeOrganisation(n, town));
			organisation.put("email", "info@" + slug(n) + ".example.org");
			organisation.put("website", "https://" + slug(n) + ".example.org");
			return organisation;
		});
	}

	private static String describeOrganisation(String name, Town town) {
		if (name.contains("Council")) {
			return name + " provides public services for residents of " + town.district() + " and Lancashire.";
		}
		if (name.contains("NHS")) {
			return name + " provides NHS health services across Lancashire and South Cumbria.";
		}
		return name + " is a local charity and community organisation supporting people in and around " + town.name()
				+ ".";
	}

	/**
	 * A venue per name and place; site tells apart an organisation's several sites in one
	 * place.
	 */
	private Map<String, Object> venue(String name, Town town, String site) {
		return this.venues.computeIfAbsent(name + "|" + site, key -> {
			Map<String, Object> location = new LinkedHashMap<>();
			String id = id("location", key);
			location.put("id", id);
			location.put("location_type", "physical");
			location.put("name", name);
			double latitude = town.latitude() + this.random.nextGaussian() * 0.012;
			double longitude = town.longitude() + this.random.nextGaussian() * 0.018;
			location.put("latitude", Math.round(latitude * 1e6) / 1e6);
			location.put("longitude", Math.round(longitude * 1e6) / 1e6);
			Map<String, Object> address = new LinkedHashMap<>();
			address.put("id", id("address", key));
			address.put("address_1", (1 + this.random.nextInt(180)) + " " + pick(STREETS));
			address.put("city", town.name());
			address.put("state_province", "Lancashire");
			address.put("postal_code", postcode(town));
			address.put("country", "GB");
			address.put("address_type", "physical");
			location.put("addresses", List.of(address));
			int access = this.random.nextInt(10);
			if (access < 8) {
				Map<String, Object> accessibility = new LinkedHashMap<>();
				accessibility.put("id", id("accessibility", key));
				accessibility.put("description",
						access < 6 ? "Wheelchair accessible: step-free entrance and accessible toilet"
								: "Hearing loop at reception; ground floor rooms");
				location.put("accessibility", List.of(accessibility));
			}
			return location;
		});
	}

	private String postcode(Town town) {
		return pick(town.outwardCodes()) + " " + (1 + this.random.nextInt(9)) + pick(POSTCODE_LETTERS)
				+ pick(POSTCODE_LETTERS);
	}

	private LocalDate assuredDate() {
		int roll = this.random.nextInt(100);
		int days = roll < 60 ? this.random.nextInt(180)
				: roll < 85 ? 180 + this.random.nextInt(185) : 365 + this.random.nextInt(550);
		return this.today.minusDays(days);
	}

	private static String fill(String pattern, String place, Town town, String venue) {
		return pattern.replace("{town}", place)
			.replace("{district}", town.district())
			.replace("{venue}", venue == null ? place : venue);
	}

	static String slug(String text) {
		return text.toLowerCase(Locale.UK).replace("'", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	private String pick(String[] options) {
		return options[this.random.nextInt(options.length)];
	}

	private String pick(List<String> options) {
		return options.get(this.random.nextInt(options.size()));
	}

}
