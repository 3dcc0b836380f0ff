package uk.signpost.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Loads a service with what its page shows: organisation, places, publisher, terms, the
 * newest check recorded, and the other publishers' copies of it when it leads a group a
 * curator confirmed (ADR 0016).
 * <p>
 * Read here with plain SQL, a query a table, rather than through the repositories:
 * loading the aggregates (a query for each of a service's eleven child tables, three for
 * each place, one for each term) was half of the page's time at 100,000 services
 * (docs/benchmarks.md). So the service the page holds carries its own fields and the
 * children the page shows (hours, languages, costs, contacts, phones, documents to
 * bring); its places, terms, organisation and publisher come beside it. Rows become
 * records by their column names, as the repositories map them.
 */
@Component
public class ServicePages {

	private static final RowMapper<Service.Schedule> SCHEDULE = new DataClassRowMapper<>(Service.Schedule.class);

	private static final RowMapper<Service.Language> LANGUAGE = new DataClassRowMapper<>(Service.Language.class);

	private static final RowMapper<Service.CostOption> COST = new DataClassRowMapper<>(Service.CostOption.class);

	private static final RowMapper<Service.Contact> CONTACT = new DataClassRowMapper<>(Service.Contact.class);

	private static final RowMapper<Service.Phone> PHONE = new DataClassRowMapper<>(Service.Phone.class);

	private static final RowMapper<Service.RequiredDocument> DOCUMENT = new DataClassRowMapper<>(
			Service.RequiredDocument.class);

	private static final RowMapper<Location.Address> ADDRESS = new DataClassRowMapper<>(Location.Address.class);

	private static final RowMapper<Location.Accessibility> ACCESS = new DataClassRowMapper<>(
			Location.Accessibility.class);

	private final JdbcTemplate jdbc;

	private final ServiceChecks checks;

	private final Clock clock;

	private final ObjectProvider<SameService> sameService;

	ServicePages(JdbcTemplate jdbc, ServiceChecks checks, ObjectProvider<Clock> clock,
			ObjectProvider<SameService> sameService) {
		this.jdbc = jdbc;
		this.sameService = sameService;
		this.checks = checks;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** back: where the page's back link goes; text: the page's words. */
	public Optional<ServicePage> find(String id, String back, MessageSourceAccessor text) {
		return Optional.ofNullable(listing(id)).map(listing -> page(listing, back, text));
	}

	/** A service with its organisation's name and its publisher. */
	private record Listing(Service service, String organization, Publisher publisher) {
	}

	private ServicePage page(Listing listing, String back, MessageSourceAccessor text) {
		Service service = listing.service();
		List<String> terms = this.jdbc
			.queryForList("SELECT t.name FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id "
					+ "WHERE a.service_id = ? ORDER BY a.position", String.class, service.id());
		SameService same = this.sameService.getIfAvailable();
		SameService.Group group = same == null ? null : same.groups(List.of(service.id())).get(service.id());
		List<ServicePage.Copy> copies = new ArrayList<>();
		if (group != null && group.lead().equals(service.id())) {
			for (String other : group.others(service.id())) {
				Listing copy = listing(other);
				if (copy != null) {
					copies.add(new ServicePage.Copy(copy.service(), copy.publisher()));
				}
			}
		}
		return new ServicePage(service, listing.organization(), venues(service.id()), listing.publisher(), terms,
				this.checks.latest(service.id()).orElse(null), group, copies, back, Validity.now(this.clock), text);
	}

	/**
	 * The service, or null when there is none with this id. Its children are read first:
	 * a query inside another's rows would hold two connections at once.
	 */
	private Listing listing(String id) {
		List<Service.Schedule> schedules = children("schedule", SCHEDULE, id);
		List<Service.Language> languages = children("language", LANGUAGE, id);
		List<Service.CostOption> costs = children("cost_option", COST, id);
		List<Service.Contact> contacts = children("contact", CONTACT, id);
		List<Service.Phone> phones = children("phone", PHONE, id);
		List<Service.RequiredDocument> documents = children("required_document", DOCUMENT, id);
		List<Listing> found = this.jdbc.query("SELECT s.*, o.name AS organization_name, p.id AS p_id, "
				+ "p.name AS p_name, p.url AS p_url, p.created_at AS p_created_at, "
				+ "p.last_imported_at AS p_last_imported_at FROM service s "
				+ "LEFT JOIN organization o ON o.id = s.organization_id "
				+ "LEFT JOIN publisher p ON p.id = s.publisher_id WHERE s.id = ?", (rs, n) -> {
					Service service = new Service(id, rs.getString("publisher_id"), rs.getString("source_id"),
							rs.getString("organization_id"), rs.getString("name"), rs.getString("alternate_name"),
							rs.getString("description"), rs.getString("url"), rs.getString("email"),
							rs.getString("status"), rs.getString("interpretation_services"),
							rs.getString("application_process"), rs.getString("fees"), rs.getString("accreditations"),
							rs.getString("eligibility_description"), rs.getObject("minimum_age", Integer.class),
							rs.getObject("maximum_age", Integer.class), rs.getObject("assured_date", LocalDate.class),
							rs.getString("assurer_email"), rs.getString("licenses"), rs.getString("alert"),
							instant(rs, "last_modified"), instant(rs, "imported_at"), instant(rs, "withdrawn_at"),
							List.of(), schedules, List.of(), languages, List.of(), costs, contacts, phones, documents,
							List.of(), List.of());
					Publisher publisher = rs.getString("p_id") == null ? null
							: new Publisher(rs.getString("p_id"), rs.getString("p_name"), rs.getString("p_url"),
									instant(rs, "p_created_at"), instant(rs, "p_last_imported_at"));
					return new Listing(service, rs.getString("organization_name"), publisher);
				}, id);
		return found.isEmpty() ? null : found.get(0);
	}

	private <T> List<T> children(String table, RowMapper<T> rows, String serviceId) {
		return this.jdbc.query("SELECT * FROM " + table + " WHERE service_id = ? ORDER BY position", rows, serviceId);
	}

	/** The places the service is offered at, in its order. */
	private List<ServicePage.Venue> venues(String serviceId) {
		String ofTheService = " WHERE x.location_id IN "
				+ "(SELECT location_id FROM service_at_location WHERE service_id = ?) ORDER BY x.position";
		Map<String, List<Location.Address>> addresses = new HashMap<>();
		this.jdbc.query("SELECT x.*, x.address_1 AS address1, x.address_2 AS address2 FROM address x" + ofTheService,
				rs -> {
					addresses.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>())
						.add(ADDRESS.mapRow(rs, 0));
				}, serviceId);
		Map<String, List<Location.Accessibility>> access = new HashMap<>();
		this.jdbc.query("SELECT x.* FROM accessibility x" + ofTheService, rs -> {
			access.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>()).add(ACCESS.mapRow(rs, 0));
		}, serviceId);
		return this.jdbc.query(
				"SELECT l.* FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
						+ "WHERE sal.service_id = ? ORDER BY sal.position",
				(rs, n) -> ServicePage.venue(new Location(rs.getString("id"), rs.getString("publisher_id"),
						rs.getString("source_id"), rs.getString("organization_id"), rs.getString("location_type"),
						rs.getString("url"), rs.getString("name"), rs.getString("alternate_name"),
						rs.getString("description"), rs.getString("transportation"),
						rs.getObject("latitude", Double.class), rs.getObject("longitude", Double.class),
						rs.getString("external_identifier"), rs.getString("external_identifier_type"),
						instant(rs, "imported_at"), instant(rs, "withdrawn_at"),
						List.copyOf(addresses.getOrDefault(rs.getString("id"), List.of())),
						List.copyOf(access.getOrDefault(rs.getString("id"), List.of())))),
				serviceId);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

}
