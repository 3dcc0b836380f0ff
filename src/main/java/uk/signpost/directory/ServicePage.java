package uk.signpost.directory;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.govuk.Dates;
import uk.signpost.govuk.SummaryRow;
import uk.signpost.govuk.Tag;

/**
 * Everything the service page shows, worked out before the template, with its words from
 * messages.
 *
 * @param service the service with the children the page shows ({@link ServicePages})
 * @param organization the name of the organisation that runs it, or null
 * @param back where "Back" goes: the results the person came from
 * @param terms names of the service's taxonomy terms
 * @param check the newest check staff recorded in the workspace, or null
 * @param group the copies of this service other publishers list, confirmed by a curator,
 * or null
 * @param copies when this copy leads its group, the others with their publishers
 * @param text the page's words
 */
public record ServicePage(Service service, String organization, List<Venue> venues, Publisher publisher,
		List<String> terms, ServiceChecks.Check check, SameService.Group group, List<Copy> copies, String back,
		ZonedDateTime now, MessageSourceAccessor text) {

	/** Another publisher's copy of the same service. */
	public record Copy(Service service, Publisher publisher) {
	}

	/** Only web addresses become links: a feed's "javascript:" never does. */
	private static final Pattern WEB = Pattern.compile("^https?://.+", Pattern.CASE_INSENSITIVE);

	/**
	 * A place the service is offered: its name (or first address line), address, map and
	 * directions links (null without coordinates), and what its accessibility records
	 * say, one item each.
	 */
	public record Venue(Location location, String name, List<String> addressLines, String postcode, String mapUrl,
			String directionsUrl, List<String> access) {
	}

	public static Venue venue(Location location) {
		List<String> lines = new ArrayList<>();
		String postcode = null;
		for (Location.Address address : location.addresses()) {
			Stream.of(address.address1(), address.address2(), address.city(), address.stateProvince())
				.filter(ServicePage::has)
				.forEach(lines::add);
			postcode = address.postalCode() != null ? address.postalCode() : postcode;
			break;
		}
		boolean placed = location.latitude() != null && location.longitude() != null;
		String map = placed
				? String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=17/%.5f/%.5f",
						location.latitude(), location.longitude(), location.latitude(), location.longitude())
				: null;
		// OpenStreetMap asks where from, with the venue filled in as where to.
		String directions = placed ? String.format(Locale.ROOT, "https://www.openstreetmap.org/directions?to=%.5f,%.5f",
				location.latitude(), location.longitude()) : null;
		// Publishers write one feature a line or a semicolon apart: each is its own item.
		List<String> access = location.accessibility()
			.stream()
			.map(a -> Stream.of(a.description(), a.details())
				.filter(ServicePage::has)
				.collect(Collectors.joining(": ")))
			.flatMap(t -> Stream.of(t.split("\\s*[\\n;]\\s*")))
			.filter(ServicePage::has)
			.map(String::strip)
			.distinct()
			.toList();
		String name = has(location.name()) ? location.name() : lines.isEmpty() ? null : lines.get(0);
		return new Venue(location, name, lines, postcode, map, directions, access);
	}

	private static boolean has(String text) {
		return text != null && !text.isBlank();
	}

	private String words(String key, Object... arguments) {
		return this.text.getMessage(key, arguments);
	}

	/** "For people aged 18 and over", or null when it takes any age. */
	public String whoFor() {
		Ages ages = Ages.of(this.service.minimumAge(), this.service.maximumAge());
		return ages.any() ? null : words(ages.key("service.ages"), ages.arguments());
	}

	/** Whether the publisher's words say someone else must refer the person. */
	public boolean referralNeeded() {
		return Referral.needed(this.service.applicationProcess());
	}

	/**
	 * "Free"; or the publisher's fees text and what each option that applies today costs,
	 * each once ("Per session, £7.00", never "Per session, £7.00, Per session").
	 */
	public List<String> cost() {
		List<Service.CostOption> options = Costs.current(this.service.costOptions(), this.now.toLocalDate());
		if (Costs.isFree(options.stream().map(o -> Costs.isFree(o.amount(), o.amountDescription())).toList(),
				this.service.fees())) {
			return List.of(words("service.cost.free"));
		}
		Map<String, String> lines = new LinkedHashMap<>();
		if (has(this.service.fees())) {
			once(lines, this.service.fees().strip());
		}
		for (Service.CostOption option : options) {
			String line = line(amount(option), has(option.option()) ? option.option().strip() : null,
					has(option.amountDescription()) ? option.amountDescription().strip() : null);
			if (line != null) {
				once(lines, line);
			}
		}
		return lines.isEmpty() ? List.of(words("service.cost.ask")) : List.copyOf(lines.values());
	}

	/**
	 * One option in words: "£2.00 per session", "£2.00 per session; free for people on
	 * Universal Credit" when the description starts with what the option is; else the
	 * parts that are there, joined.
	 */
	private String line(String amount, String option, String description) {
		if (amount != null && option != null && description != null
				&& description.toLowerCase(Locale.UK).startsWith(option.toLowerCase(Locale.UK))) {
			return words("service.cost.option", amount, lowerFirst(description));
		}
		// "£7.00 per session" reads on; "Block of ten, £60.00" names the option first.
		String line = amount == null ? option
				: option == null ? amount
						: option.toLowerCase(Locale.UK).startsWith("per ")
								? words("service.cost.option", amount, lowerFirst(option))
								: words("service.cost.described", option, amount);
		if (description == null || (line != null && line.equalsIgnoreCase(description))) {
			return line;
		}
		return line == null ? description : words("service.cost.described", line, description);
	}

	private static String lowerFirst(String text) {
		return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.UK) + text.substring(1);
	}

	/** Keeps text unless the same words, in any case, are there already. */
	private static void once(Map<String, String> kept, String text) {
		kept.putIfAbsent(text.toLowerCase(Locale.UK), text);
	}

	/** "£7.00", or "7.00 EUR" in another currency. */
	private String amount(Service.CostOption option) {
		if (option.amount() == null) {
			return null;
		}
		String amount = option.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
		boolean pounds = option.currency() == null || option.currency().equalsIgnoreCase("GBP");
		return pounds ? words("service.cost.pounds", amount)
				: words("service.cost.currency", amount, option.currency());
	}

	public OpeningHours hours() {
		return hours(this.service);
	}

	private OpeningHours hours(Service of) {
		LocalDate today = this.now.toLocalDate();
		return new OpeningHours(
				of.schedules().stream().filter(s -> Validity.current(s.validFrom(), s.validTo(), today)).toList(),
				this.text);
	}

	/** "Open now until 5pm"; nothing while the service is temporarily closed. */
	public String openNow() {
		return closed() ? null : hours().now(this.now);
	}

	/** The publisher says the service is closed for now: the page says so first. */
	public boolean closed() {
		return Service.temporarilyClosed(this.service.status());
	}

	public List<Service.Phone> phones() {
		return this.service.phones().stream().filter(p -> p.contactId() == null).toList();
	}

	public List<Service.Phone> phones(Service.Contact contact) {
		return this.service.phones().stream().filter(p -> contact.id().equals(p.contactId())).toList();
	}

	/**
	 * The number the contact summary at the top offers: the service's first, or failing
	 * that a contact's; null when it has none.
	 */
	public Service.Phone firstPhone() {
		return phones().isEmpty() ? this.service.phones().stream().findFirst().orElse(null) : phones().get(0);
	}

	/** Whether there is anything for the contact summary at the top. */
	public boolean contactable() {
		return firstPhone() != null || this.service.email() != null || website() != null;
	}

	/** The service's website when it is a web address, else null. */
	public String website() {
		return website(this.service);
	}

	private static String website(Service of) {
		return of.url() != null && WEB.matcher(of.url()).matches() ? of.url() : null;
	}

	/** An address a mailto: link can carry whole: no spaces, brackets or quotes. */
	private static final Pattern EMAIL = Pattern.compile("^[^\\s<>\"]+@[^\\s<>\"]+$");

	/**
	 * The contact summary's link of a kind: through Signpost, which counts the click and
	 * sends the person on to {@link #contact}.
	 */
	public String go(String kind) {
		return "/services/" + this.service.id() + "/go/" + kind;
	}

	/**
	 * Where a counted link goes: this service's own first phone, email or website, or
	 * null when it has none (never anywhere the request names).
	 */
	public String contact(ContactClicked.Kind kind) {
		return switch (kind) {
			case PHONE -> firstPhone() == null ? null : tel(firstPhone().number());
			case EMAIL -> this.service.email() != null && EMAIL.matcher(this.service.email().strip()).matches()
					? "mailto:" + this.service.email().strip() : null;
			case WEBSITE -> website();
		};
	}

	/** A phone number as a tel: link: digits and a leading +. */
	public String tel(String number) {
		return Service.Phone.tel(number);
	}

	/** The last check ({@link Checked}): recorded, assured, or failing both changed. */
	public Checked.Last lastCheck() {
		return Checked.last(this.service.assuredDate(), this.check == null ? null : this.check.date(),
				this.service.lastModified() == null ? null
						: this.service.lastModified().atZone(this.now.getZone()).toLocalDate());
	}

	/** The day of the last check, or null. */
	public LocalDate checked() {
		Checked.Last last = lastCheck();
		return last == null ? null : last.date();
	}

	/**
	 * "Checked on 3 December 2026 by Sam Patel, Lancashire County Council." for a check
	 * recorded in the workspace; for the feed's own, "Checked on 3 March 2026 by
	 * Lancashire County Council.": the team an assurer's address names, or else the
	 * publisher (or the organisation), never a person's email address.
	 */
	public String checkedLine() {
		Checked.Last last = lastCheck();
		if (last == null) {
			return words("service.checked.unknown");
		}
		String on = Dates.date(last.date(), this.text);
		if (last.source() == Checked.Source.RECORDED) {
			return words("service.checked.person", on, this.check.signature());
		}
		String assurer = last.source() == Checked.Source.ASSURED && has(this.service.assurerEmail())
				? this.service.assurerEmail().strip() : null;
		if (assurer != null && !assurer.contains("@")) {
			return words("service.checked.by", on, assurer);
		}
		String team = assurer == null ? null : team(assurer);
		if (team != null) {
			return words("service.checked.team", on, team);
		}
		String by = this.publisher != null ? this.publisher.name() : this.organization;
		return by == null ? words("service.checked", on) : words("service.checked.by", on, by);
	}

	/**
	 * The team an address obviously names ("family-information-team@…" is "family
	 * information team"), or null: a person's or a general address names none.
	 */
	static String team(String email) {
		String local = email.substring(0, email.indexOf('@')).toLowerCase(Locale.UK);
		List<String> words = List.of(local.split("[._+-]+"));
		return words.size() > 1 && words.contains("team") ? String.join(" ", words) : null;
	}

	/**
	 * The copy that leads this one's group when another does (ADR 0016): its page is the
	 * service's page. Null when this copy stands alone or leads.
	 */
	public String ledBy() {
		return this.group != null && this.group.follows(this.service.id()) ? this.group.lead() : null;
	}

	/**
	 * "Also listed by NHS Lancashire and Lancashire County Council.", or null when no
	 * other publisher lists it.
	 */
	public String alsoListedBy() {
		List<String> names = this.copies.stream()
			.map(Copy::publisher)
			.filter(Objects::nonNull)
			.map(Publisher::name)
			.distinct()
			.toList();
		return names.isEmpty() ? null : words("service.also", OpeningHours.list(names, this.text));
	}

	/** What one other publisher's copy adds, under "From NHS Lancashire". */
	public record Addition(String heading, List<SummaryRow> rows) {
	}

	/**
	 * What the other publishers' copies say that this one does not: phone numbers, email
	 * addresses, websites and opening hours, each under the publisher it came from, and
	 * each once however many copies give it. Copies that add nothing are left out.
	 */
	public List<Addition> additions() {
		Set<String> seen = new HashSet<>();
		added(this.service, seen);
		List<Addition> additions = new ArrayList<>();
		for (Copy copy : this.copies) {
			List<SummaryRow> rows = added(copy.service(), seen);
			if (!rows.isEmpty()) {
				additions.add(new Addition(copy.publisher() == null ? words("service.also.other")
						: words("service.also.from", copy.publisher().name()), rows));
			}
		}
		return additions;
	}

	/**
	 * The rows for what a copy says that is not in seen yet (phone numbers by their
	 * digits, email addresses in any case, websites without their scheme, hours as said),
	 * adding it to seen.
	 */
	private List<SummaryRow> added(Service of, Set<String> seen) {
		List<SummaryRow> rows = new ArrayList<>();
		for (Service.Phone phone : of.phones()) {
			if (phone.number() != null && seen.add("phone:" + digits(phone.number()))) {
				rows.add(SummaryRow.of(phoneLabel(phone), List.of(phoneLink(phone))));
			}
		}
		Stream.concat(Stream.of(of.email()), of.contacts().stream().map(Service.Contact::email))
			.filter(ServicePage::has)
			.filter(email -> seen.add("email:" + email.strip().toLowerCase(Locale.UK)))
			.forEach(email -> rows.add(SummaryRow.of(words("service.contact.email"),
					List.of(SummaryRow.Line.link(email, "mailto:" + email.strip())))));
		String site = website(of);
		if (site != null && seen.add("website:"
				+ site.toLowerCase(Locale.UK).replaceFirst("^https?://(www\\.)?", "").replaceFirst("/+$", ""))) {
			rows.add(SummaryRow.of(words("service.contact.website"), List.of(SummaryRow.Line.external(site, site))));
		}
		OpeningHours open = hours(of);
		List<SummaryRow.Line> said = Stream
			.concat(Stream.ofNullable(open.isKnown() ? open.sentence() : null), open.notes().stream())
			.map(SummaryRow.Line::text)
			.toList();
		if (!said.isEmpty() && seen.add("hours:" + said)) {
			rows.add(SummaryRow.of(words("service.hours"), said));
		}
		return rows;
	}

	/** A phone number's digits, +44 as 0: the same number however it is written. */
	static String digits(String number) {
		String digits = number.replaceAll("[^0-9+]", "").replaceFirst("^(\\+|00)44", "0");
		return digits.replace("+", "");
	}

	/** "Published by Lancashire County Council.", or null without a publisher. */
	public String publishedBy() {
		return this.publisher == null ? null : words("service.published", this.publisher.name());
	}

	public boolean stale() {
		return Checked.stale(checked(), this.now.toLocalDate());
	}

	/**
	 * Services about domestic abuse or sexual violence get the "Exit this page" button.
	 */
	public boolean sensitive() {
		return Sensitive
			.about(Stream.concat(this.terms.stream(), Stream.of(this.service.name())).toArray(String[]::new));
	}

	/** "Where", or "Where (3 places)". */
	public String whereHeading() {
		return words("service.where", this.venues.size());
	}

	/** "Open Market Hall in OpenStreetMap". */
	public String mapLink(Venue venue) {
		return words("service.venue.map", venueName(venue));
	}

	/** "Directions to Market Hall". */
	public String directionsLink(Venue venue) {
		return words("service.venue.directions", venueName(venue));
	}

	private String venueName(Venue venue) {
		return venue.name() != null ? venue.name() : words("service.venue.unnamed");
	}

	/** A contact's name, or "Contact". */
	public String contactName(Service.Contact contact) {
		return contact.name() != null ? contact.name() : words("service.contact.unnamed");
	}

	/** A phone's own description ("Helpline"), or "Phone". */
	public String phoneLabel(Service.Phone phone) {
		return phone.description() != null ? phone.description() : words("service.contact.phone");
	}

	/**
	 * "Who it is for and how to get it": who it is for, cost, how to get it (tagged when
	 * someone must refer the person), what to bring, languages and interpreters, each row
	 * only when the record says something for it (cost always).
	 */
	public List<SummaryRow> about() {
		List<SummaryRow> rows = new ArrayList<>();
		List<SummaryRow.Line> whoFor = Stream.of(whoFor(), this.service.eligibilityDescription())
			.filter(line -> line != null)
			.map(SummaryRow.Line::text)
			.toList();
		if (!whoFor.isEmpty()) {
			rows.add(SummaryRow.of(this.text.getMessage("service.whoFor"), whoFor));
		}
		rows.add(SummaryRow.list(this.text.getMessage("service.cost"),
				cost().stream().map(SummaryRow.Line::text).toList()));
		if (this.service.applicationProcess() != null) {
			SummaryRow howToGet = SummaryRow.of(this.text.getMessage("service.howToGet"),
					List.of(SummaryRow.Line.text(this.service.applicationProcess())));
			rows.add(referralNeeded() ? howToGet.tagged(new Tag(this.text.getMessage("card.referral"), "orange"))
					: howToGet);
		}
		if (!this.service.requiredDocuments().isEmpty()) {
			rows.add(SummaryRow.list(this.text.getMessage("service.documents"),
					this.service.requiredDocuments()
						.stream()
						.map(document -> SummaryRow.Line.text(document.document()))
						.toList()));
		}
		if (!languages().isEmpty()) {
			rows.add(SummaryRow.of(this.text.getMessage("service.languages"),
					List.of(SummaryRow.Line.text(languages()))));
		}
		if (this.service.interpretationServices() != null) {
			rows.add(SummaryRow.of(this.text.getMessage("service.interpreters"),
					List.of(SummaryRow.Line.text(this.service.interpretationServices()))));
		}
		return rows;
	}

	/**
	 * "Contact details": each of the service's phones by what it is for, email, website,
	 * and each named contact with their title, phones and email.
	 */
	public List<SummaryRow> contactDetails() {
		List<SummaryRow> rows = new ArrayList<>();
		phones().forEach(phone -> rows.add(SummaryRow.of(phoneLabel(phone), List.of(phoneLink(phone)))));
		if (this.service.email() != null) {
			rows.add(SummaryRow.of(this.text.getMessage("service.contact.email"),
					List.of(SummaryRow.Line.link(this.service.email(), "mailto:" + this.service.email()))));
		}
		if (website() != null) {
			rows.add(SummaryRow.of(this.text.getMessage("service.contact.website"),
					List.of(SummaryRow.Line.external(website(), website()))));
		}
		for (Service.Contact contact : this.service.contacts()) {
			List<SummaryRow.Line> lines = new ArrayList<>();
			if (contact.title() != null) {
				lines.add(SummaryRow.Line.text(contact.title()));
			}
			phones(contact).forEach(phone -> lines.add(phoneLink(phone)));
			if (contact.email() != null) {
				lines.add(SummaryRow.Line.link(contact.email(), "mailto:" + contact.email()));
			}
			rows.add(SummaryRow.list(contactName(contact), lines));
		}
		return rows;
	}

	private SummaryRow.Line phoneLink(Service.Phone phone) {
		return SummaryRow.Line.link(phone.number(), tel(phone.number()));
	}

	/** One line of contact details: what it is, its value, and a link when it is one. */
	public record Line(String label, String value, String href) {
	}

	/**
	 * Phones, email, website, addresses, hours and the date checked, as Your list shows
	 * them and the text to copy says them.
	 */
	public List<Line> contactLines() {
		List<Line> lines = new ArrayList<>();
		phones()
			.forEach(phone -> lines.add(new Line(words("service.text.phone"), phone.number(), tel(phone.number()))));
		if (this.service.email() != null) {
			lines.add(new Line(words("service.text.email"), this.service.email(), "mailto:" + this.service.email()));
		}
		if (this.service.url() != null) {
			lines.add(new Line(words("service.text.website"), this.service.url(), website()));
		}
		for (Venue venue : this.venues) {
			List<String> address = new ArrayList<>(venue.addressLines());
			if (venue.postcode() != null) {
				address.add(venue.postcode());
			}
			if (!address.isEmpty()) {
				lines.add(new Line(words("service.text.address"), String.join(", ", address), null));
			}
		}
		OpeningHours hours = hours();
		if (hours.isKnown()) {
			lines.add(new Line(words("service.text.open"), hours.sentence(), null));
		}
		LocalDate checked = checked();
		if (checked != null) {
			lines.add(new Line(words("service.text.checked"), Dates.date(checked, this.text), null));
		}
		return lines;
	}

	/**
	 * The service's name, after its organisation's: "Preston Foodbank (Preston Foodbank
	 * Trust)".
	 */
	public String title() {
		return this.organization == null ? this.service.name()
				: words("service.text.name", this.service.name(), this.organization);
	}

	/**
	 * Name and {@link #contactLines()} as plain text, for a frontline worker to paste
	 * into a case note or read out on a call.
	 */
	public String contactText() {
		List<String> lines = new ArrayList<>();
		lines.add(title());
		contactLines().forEach(line -> lines.add(words("service.text.line", line.label(), line.value())));
		return String.join("\n", lines);
	}

	public String languages() {
		return this.service.languages()
			.stream()
			.map(Service.Language::name)
			.filter(ServicePage::has)
			.distinct()
			.collect(Collectors.joining(", "));
	}

}
