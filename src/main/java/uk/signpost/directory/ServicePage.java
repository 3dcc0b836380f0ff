package uk.signpost.directory;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything the service page shows, in plain English, worked out before the template.
 *
 * @param back where "Back" goes: the results the person came from
 * @param terms names of the service's taxonomy terms
 */
public record ServicePage(Service service, Organization organization, List<Venue> venues, Publisher publisher,
		List<String> terms, String back, ZonedDateTime now) {

	/** A place the service is offered, with its address and a map link. */
	public record Venue(Location location, List<String> addressLines, String postcode, String mapUrl,
			List<String> access) {
	}

	public static Venue venue(Location location) {
		List<String> lines = new ArrayList<>();
		String postcode = null;
		for (Location.Address address : location.addresses()) {
			Stream.of(address.address1(), address.address2(), address.city(), address.stateProvince())
				.filter(line -> line != null && !line.isBlank())
				.forEach(lines::add);
			postcode = address.postalCode() != null ? address.postalCode() : postcode;
			break;
		}
		String map = location.latitude() == null || location.longitude() == null ? null
				: String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=17/%.5f/%.5f",
						location.latitude(), location.longitude(), location.latitude(), location.longitude());
		List<String> access = location.accessibility()
			.stream()
			.map(a -> Stream.of(a.description(), a.details())
				.filter(t -> t != null && !t.isBlank())
				.collect(Collectors.joining(": ")))
			.filter(t -> !t.isBlank())
			.toList();
		return new Venue(location, lines, postcode, map, access);
	}

	/** "For people aged 18 and over", or null when it takes any age. */
	public String whoFor() {
		Integer from = this.service.minimumAge();
		Integer to = this.service.maximumAge();
		boolean hasFrom = from != null && from > 0;
		boolean hasTo = to != null && to < 120;
		if (hasFrom && hasTo) {
			return "For people aged " + from + " to " + to;
		}
		if (hasFrom) {
			return "For people aged " + from + " and over";
		}
		return hasTo ? "For people aged up to " + to : null;
	}

	/** Whether the publisher's words say someone else must refer the person. */
	public boolean referralNeeded() {
		return Referral.needed(this.service.applicationProcess());
	}

	/** "Free", the publisher's own words, or what each option costs. */
	public String cost() {
		List<Service.CostOption> options = Costs.current(this.service.costOptions(), this.now.toLocalDate());
		if (Costs.isFree(options.stream().map(o -> Costs.isFree(o.amount(), o.amountDescription())).toList(),
				this.service.fees())) {
			return "Free";
		}
		List<String> parts = new ArrayList<>();
		for (Service.CostOption option : options) {
			String amount = option.amount() == null ? null
					: "£" + option.amount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
			String text = Stream.of(option.option(), amount, option.amountDescription())
				.filter(t -> t != null && !t.isBlank())
				.collect(Collectors.joining(", "));
			if (!text.isBlank()) {
				parts.add(text);
			}
		}
		if (!parts.isEmpty()) {
			return String.join("; ", parts);
		}
		return this.service.fees() != null && !this.service.fees().isBlank() ? this.service.fees()
				: "Ask the service about cost";
	}

	public OpeningHours hours() {
		LocalDate today = this.now.toLocalDate();
		return new OpeningHours(this.service.schedules()
			.stream()
			.filter(s -> Validity.current(s.validFrom(), s.validTo(), today))
			.toList());
	}

	public String openNow() {
		return hours().now(this.now);
	}

	public List<Service.Phone> phones() {
		return this.service.phones().stream().filter(p -> p.contactId() == null).toList();
	}

	public List<Service.Phone> phones(Service.Contact contact) {
		return this.service.phones().stream().filter(p -> contact.id().equals(p.contactId())).toList();
	}

	/** A phone number as a tel: link: digits and a leading +. */
	public String tel(String number) {
		return Service.Phone.tel(number);
	}

	/** When the record was last checked: assured, or failing that last changed. */
	public LocalDate checked() {
		if (this.service.assuredDate() != null) {
			return this.service.assuredDate();
		}
		return this.service.lastModified() == null ? null
				: this.service.lastModified().atZone(this.now.getZone()).toLocalDate();
	}

	/** Who checked it: the assurer, or the publisher. */
	public String checkedBy() {
		if (this.service.assurerEmail() != null && !this.service.assurerEmail().isBlank()) {
			return this.service.assurerEmail();
		}
		return this.publisher == null ? null : this.publisher.name();
	}

	/** "Checked on 3 March 2026 by the council." */
	public String checkedLine() {
		LocalDate checked = checked();
		if (checked == null) {
			return "We do not know when this was last checked.";
		}
		String by = checkedBy();
		return "Checked on " + checked.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK))
				+ (by == null ? "" : " by " + by) + ".";
	}

	public boolean stale() {
		LocalDate checked = checked();
		return checked == null || Period.between(checked, this.now.toLocalDate()).toTotalMonths() >= 12;
	}

	/**
	 * Services about domestic abuse or sexual violence get the "Exit this page" button.
	 */
	public boolean sensitive() {
		String words = (String.join(" ", this.terms) + " " + this.service.name()).toLowerCase(Locale.UK);
		return words.contains("domestic abuse") || words.contains("domestic violence")
				|| words.contains("sexual violence") || words.contains("sexual abuse") || words.contains("rape");
	}

	/**
	 * Name, phone, email, address and hours as plain text, for a frontline worker to
	 * paste into a case note or read out on a call.
	 */
	public String contactText() {
		List<String> lines = new ArrayList<>();
		lines.add(this.service.name() + (this.organization == null ? "" : " (" + this.organization.name() + ")"));
		phones().forEach(phone -> lines.add("Phone: " + phone.number()));
		if (this.service.email() != null) {
			lines.add("Email: " + this.service.email());
		}
		if (this.service.url() != null) {
			lines.add("Website: " + this.service.url());
		}
		for (Venue venue : this.venues) {
			List<String> address = new ArrayList<>(venue.addressLines());
			if (venue.postcode() != null) {
				address.add(venue.postcode());
			}
			if (!address.isEmpty()) {
				lines.add("Address: " + String.join(", ", address));
			}
		}
		OpeningHours hours = hours();
		if (hours.isKnown()) {
			lines.add("Open: " + hours.sentence());
		}
		LocalDate checked = checked();
		if (checked != null) {
			lines.add("Checked: "
					+ checked.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)));
		}
		return String.join("\n", lines);
	}

	public String languages() {
		return this.service.languages()
			.stream()
			.map(Service.Language::name)
			.filter(n -> n != null && !n.isBlank())
			.distinct()
			.collect(Collectors.joining(", "));
	}

}
