package uk.signpost.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;
import org.springframework.jdbc.core.JdbcTemplate;
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
 * records by the repositories' own mapping ({@link RecordRows}).
 */
@Component
public class ServicePages {

	private final JdbcTemplate jdbc;

	private final ServiceChecks checks;

	private final Clock clock;

	private final ObjectProvider<SameService> sameService;

	private final RecordRows<Service> service;

	private final RecordRows<Location> location;

	/** The service's child tables the page shows, by the component that holds them. */
	private final Map<String, Child> children;

	private record Child(String table, RecordRows<?> rows) {
	}

	private final RecordRows<Location.Address> address;

	private final RecordRows<Location.Accessibility> access;

	ServicePages(JdbcTemplate jdbc, RelationalMappingContext mapping, ServiceChecks checks, ObjectProvider<Clock> clock,
			ObjectProvider<SameService> sameService) {
		this.jdbc = jdbc;
		this.service = new RecordRows<>(mapping, Service.class);
		this.location = new RecordRows<>(mapping, Location.class);
		this.address = new RecordRows<>(mapping, Location.Address.class);
		this.access = new RecordRows<>(mapping, Location.Accessibility.class);
		this.children = Map.of("schedules", child(mapping, Service.Schedule.class), "languages",
				child(mapping, Service.Language.class), "costOptions", child(mapping, Service.CostOption.class),
				"contacts", child(mapping, Service.Contact.class), "phones", child(mapping, Service.Phone.class),
				"requiredDocuments", child(mapping, Service.RequiredDocument.class));
		this.sameService = sameService;
		this.checks = checks;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	private static Child child(RelationalMappingContext mapping, Class<?> type) {
		return new Child(mapping.getRequiredPersistentEntity(type).getTableName().getReference(),
				new RecordRows<>(mapping, type));
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
		Map<String, List<?>> children = new HashMap<>();
		this.children.forEach((component, child) -> children.put(component, this.jdbc
			.query("SELECT * FROM " + child.table() + " WHERE service_id = ? ORDER BY position", child.rows(), id)));
		List<Listing> found = this.jdbc.query("SELECT s.*, o.name AS organization_name, p.id AS p_id, "
				+ "p.name AS p_name, p.url AS p_url, p.created_at AS p_created_at, "
				+ "p.last_imported_at AS p_last_imported_at FROM service s "
				+ "LEFT JOIN organization o ON o.id = s.organization_id "
				+ "LEFT JOIN publisher p ON p.id = s.publisher_id WHERE s.id = ?", (rs, n) -> {
					Publisher publisher = rs.getString("p_id") == null ? null
							: new Publisher(rs.getString("p_id"), rs.getString("p_name"), rs.getString("p_url"),
									RecordRows.instant(rs, "p_created_at"),
									RecordRows.instant(rs, "p_last_imported_at"));
					return new Listing(this.service.read(rs, children), rs.getString("organization_name"), publisher);
				}, id);
		return found.isEmpty() ? null : found.get(0);
	}

	/** The places the service is offered at, in its order. */
	private List<ServicePage.Venue> venues(String serviceId) {
		String ofTheService = " WHERE x.location_id IN "
				+ "(SELECT location_id FROM service_at_location WHERE service_id = ?) ORDER BY x.position";
		Map<String, List<Location.Address>> addresses = new HashMap<>();
		this.jdbc.query("SELECT x.* FROM address x" + ofTheService, rs -> {
			addresses.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>())
				.add(this.address.mapRow(rs, 0));
		}, serviceId);
		Map<String, List<Location.Accessibility>> access = new HashMap<>();
		this.jdbc.query("SELECT x.* FROM accessibility x" + ofTheService, rs -> {
			access.computeIfAbsent(rs.getString("location_id"), k -> new ArrayList<>()).add(this.access.mapRow(rs, 0));
		}, serviceId);
		return this.jdbc.query(
				"SELECT l.* FROM service_at_location sal JOIN location l ON l.id = sal.location_id "
						+ "WHERE sal.service_id = ? ORDER BY sal.position",
				(rs, n) -> ServicePage.venue(
						this.location.read(rs,
								Map.of("addresses", addresses.getOrDefault(rs.getString("id"), List.of()),
										"accessibility", access.getOrDefault(rs.getString("id"), List.of())))),
				serviceId);
	}

}
