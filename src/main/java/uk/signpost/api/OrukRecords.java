package uk.signpost.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Location;
import uk.signpost.directory.LocationRepository;
import uk.signpost.directory.Organization;
import uk.signpost.directory.OrganizationRepository;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.directory.Taxonomy;
import uk.signpost.directory.TaxonomyTerm;
import uk.signpost.directory.TaxonomyTermRepository;

/**
 * Directory records in the ORUK 3.0 shape, with ORUK's field names: services whole or as
 * one-to-one fields, organisations, locations, service_at_locations and taxonomies.
 * Fields with no value are left out, as the ORUK examples do.
 */
@Component
class OrukRecords {

	private final ServiceRepository services;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final TaxonomyTermRepository terms;

	private final JdbcTemplate jdbc;

	OrukRecords(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
			TaxonomyTermRepository terms, JdbcTemplate jdbc) {
		this.services = services;
		this.organizations = organizations;
		this.locations = locations;
		this.terms = terms;
		this.jdbc = jdbc;
	}

	Optional<Service> find(String id) {
		return this.services.findById(id);
	}

	/**
	 * The services with these ids, in the same order; ids no longer there are skipped.
	 */
	List<Service> findAll(List<String> ids) {
		List<Service> found = new ArrayList<>(ids.size());
		for (String id : ids) {
			this.services.findById(id).ifPresent(found::add);
		}
		return found;
	}

	Optional<String> serviceIdOfServiceAtLocation(String id) {
		return this.jdbc.queryForList("SELECT service_id FROM service_at_location WHERE id = ?", String.class, id)
			.stream()
			.findFirst();
	}

	/**
	 * When the service's record last changed here, counting its organisation, locations
	 * and taxonomy terms, which are records of their own.
	 */
	Instant lastChanged(Service service) {
		Timestamp latest = this.jdbc.queryForObject("""
				SELECT MAX(t) FROM (
				  SELECT imported_at t FROM service WHERE id = ?
				  UNION ALL SELECT imported_at FROM organization WHERE id = ?
				  UNION ALL SELECT l.imported_at FROM location l JOIN service_at_location sal ON sal.location_id = l.id
				    WHERE sal.service_id = ?
				  UNION ALL SELECT tt.imported_at FROM taxonomy_term tt JOIN attribute a ON a.taxonomy_term_id = tt.id
				    WHERE a.service_id = ?) changes""", Timestamp.class, service.id(), service.organizationId(),
				service.id(), service.id());
		return latest == null ? service.importedAt() : latest.toInstant();
	}

	/** The one-to-one fields only, as ORUK's paged /services list has them. */
	Map<String, Object> summary(Service service) {
		return full(service, false);
	}

	/** The whole service, as /services/{id} returns it. */
	Map<String, Object> full(Service service) {
		return full(service, true);
	}

	private Map<String, Object> full(Service service, boolean nested) {
		Map<String, Object> json = new Json();
		json.put("id", service.id());
		json.put("organization_id", service.organizationId());
		json.put("name", service.name());
		json.put("alternate_name", service.alternateName());
		json.put("description", service.description());
		json.put("url", service.url());
		json.put("email", service.email());
		json.put("status", service.status());
		json.put("interpretation_services", service.interpretationServices());
		json.put("application_process", service.applicationProcess());
		json.put("fees", service.fees());
		json.put("accreditations", service.accreditations());
		json.put("eligibility_description", service.eligibilityDescription());
		json.put("minimum_age", service.minimumAge());
		json.put("maximum_age", service.maximumAge());
		json.put("assured_date", service.assuredDate());
		json.put("assurer_email", service.assurerEmail());
		json.put("licenses", service.licenses());
		json.put("alert", service.alert());
		json.put("last_modified", utc(service.lastModified()));
		if (!nested) {
			return json;
		}
		if (service.organizationId() != null) {
			this.organizations.findById(service.organizationId())
				.ifPresent(organization -> json.put("organization", organization(organization)));
		}
		json.put("service_at_locations",
				service.serviceAtLocations().stream().map(sal -> serviceAtLocation(service, sal, null)).toList());
		json.put("schedules",
				service.schedules()
					.stream()
					.filter(s -> s.serviceAtLocationId() == null)
					.map(s -> schedule(s, service.id()))
					.toList());
		json.put("service_areas", service.serviceAreas().stream().map(area -> {
			Map<String, Object> item = new Json();
			item.put("id", area.id());
			item.put("service_id", service.id());
			item.put("name", area.name());
			item.put("description", area.description());
			item.put("extent", area.extent());
			item.put("extent_type", area.extentType());
			item.put("uri", area.uri());
			return item;
		}).toList());
		json.put("languages", service.languages().stream().map(language -> {
			Map<String, Object> item = new Json();
			item.put("id", language.id());
			item.put("service_id", service.id());
			item.put("phone_id", language.phoneId());
			item.put("name", language.name());
			item.put("code", language.code());
			item.put("note", language.note());
			return item;
		}).toList());
		json.put("funding", service.funding().stream().map(funding -> {
			Map<String, Object> item = new Json();
			item.put("id", funding.id());
			item.put("service_id", service.id());
			item.put("source", funding.source());
			return item;
		}).toList());
		json.put("cost_options", service.costOptions().stream().map(cost -> {
			Map<String, Object> item = new Json();
			item.put("id", cost.id());
			item.put("service_id", service.id());
			item.put("valid_from", cost.validFrom());
			item.put("valid_to", cost.validTo());
			item.put("option", cost.option());
			item.put("currency", cost.currency());
			item.put("amount", cost.amount());
			item.put("amount_description", cost.amountDescription());
			return item;
		}).toList());
		json.put("contacts", service.contacts().stream().map(contact -> {
			Map<String, Object> item = new Json();
			item.put("id", contact.id());
			item.put("service_id", service.id());
			item.put("name", contact.name());
			item.put("title", contact.title());
			item.put("department", contact.department());
			item.put("email", contact.email());
			item.put("phones",
					service.phones()
						.stream()
						.filter(phone -> contact.id().equals(phone.contactId()))
						.map(phone -> phone(phone, null))
						.toList());
			return item;
		}).toList());
		json.put("phones",
				service.phones()
					.stream()
					.filter(phone -> phone.contactId() == null)
					.map(phone -> phone(phone, service.id()))
					.toList());
		json.put("required_documents", service.requiredDocuments().stream().map(document -> {
			Map<String, Object> item = new Json();
			item.put("id", document.id());
			item.put("service_id", service.id());
			item.put("document", document.document());
			item.put("uri", document.uri());
			return item;
		}).toList());
		json.put("attributes", service.attributes().stream().map(attribute -> {
			Map<String, Object> item = new Json();
			item.put("id", attribute.id());
			item.put("link_id", service.id());
			item.put("link_type", attribute.linkType());
			item.put("link_entity", attribute.linkEntity() == null ? "service" : attribute.linkEntity());
			item.put("taxonomy_term_id", attribute.taxonomyTermId());
			item.put("value", attribute.value());
			item.put("label", attribute.label());
			if (attribute.taxonomyTermId() != null) {
				this.terms.findById(attribute.taxonomyTermId())
					.ifPresent(term -> item.put("taxonomy_term", term(term)));
			}
			return item;
		}).toList());
		json.put("metadata", service.metadata().stream().map(metadata -> {
			Map<String, Object> item = new Json();
			item.put("id", metadata.id());
			item.put("resource_id", metadata.resourceId());
			item.put("resource_type", metadata.resourceType());
			item.put("last_action_date", metadata.lastActionDate());
			item.put("last_action_type", metadata.lastActionType());
			item.put("field_name", metadata.fieldName());
			item.put("previous_value", metadata.previousValue());
			item.put("replacement_value", metadata.replacementValue());
			item.put("updated_by", metadata.updatedBy());
			return item;
		}).toList());
		return json;
	}

	/**
	 * A service at one of its locations, with the location and its own schedules. With
	 * around set, the service comes inside too, as the /service_at_locations endpoints
	 * give it.
	 */
	Map<String, Object> serviceAtLocation(Service service, Service.ServiceAtLocation sal, Map<String, Object> around) {
		Map<String, Object> item = new Json();
		item.put("id", sal.id());
		item.put("service_id", service.id());
		item.put("location_id", sal.locationId());
		item.put("description", sal.description());
		this.locations.findById(sal.locationId()).ifPresent(location -> item.put("location", location(location)));
		List<Map<String, Object>> schedules = service.schedules()
			.stream()
			.filter(s -> sal.id().equals(s.serviceAtLocationId()))
			.map(s -> schedule(s, service.id()))
			.toList();
		if (!schedules.isEmpty()) {
			item.put("schedules", schedules);
		}
		item.put("service", around);
		return item;
	}

	/** An organisation with the services it provides inside. */
	Map<String, Object> organization(Organization organization, List<Map<String, Object>> services) {
		Map<String, Object> json = organization(organization);
		json.put("services", services);
		return json;
	}

	/** The one-to-one fields of an organisation, as ORUK's organisation list has them. */
	Map<String, Object> organizationSummary(Organization organization) {
		Map<String, Object> json = organization(organization);
		json.remove("organization_identifiers");
		return json;
	}

	/** A taxonomy; with terms set, its terms come inside. */
	Map<String, Object> taxonomy(Taxonomy taxonomy, List<TaxonomyTerm> terms) {
		Map<String, Object> json = new Json();
		json.put("id", taxonomy.id());
		json.put("name", taxonomy.name());
		json.put("description", taxonomy.description() == null ? "" : taxonomy.description());
		json.put("uri", taxonomy.uri());
		json.put("version", taxonomy.version());
		json.put("taxonomy_terms", terms == null ? null : terms.stream().map(this::term).toList());
		return json;
	}

	private static Map<String, Object> schedule(Service.Schedule schedule, String serviceId) {
		Map<String, Object> item = new Json();
		item.put("id", schedule.id());
		item.put("service_id", serviceId);
		item.put("service_at_location_id", schedule.serviceAtLocationId());
		item.put("valid_from", schedule.validFrom());
		item.put("valid_to", schedule.validTo());
		item.put("dtstart", schedule.dtstart());
		item.put("timezone", schedule.timezone());
		item.put("until", schedule.until());
		item.put("count", schedule.count());
		item.put("wkst", schedule.wkst());
		item.put("freq", schedule.freq());
		item.put("interval", schedule.interval());
		item.put("byday", schedule.byday());
		item.put("byweekno", schedule.byweekno());
		item.put("bymonthday", schedule.bymonthday());
		item.put("byyearday", schedule.byyearday());
		item.put("description", schedule.description());
		item.put("opens_at", schedule.opensAt());
		item.put("closes_at", schedule.closesAt());
		item.put("schedule_link", schedule.scheduleLink());
		item.put("attending_type", schedule.attendingType());
		item.put("notes", schedule.notes());
		return item;
	}

	private static Map<String, Object> phone(Service.Phone phone, String serviceId) {
		Map<String, Object> item = new Json();
		item.put("id", phone.id());
		item.put("service_id", serviceId);
		item.put("contact_id", phone.contactId());
		item.put("number", phone.number());
		item.put("extension", phone.extension());
		item.put("type", phone.type());
		item.put("description", phone.description());
		return item;
	}

	Map<String, Object> organization(Organization organization) {
		Map<String, Object> json = new Json();
		json.put("id", organization.id());
		json.put("name", organization.name());
		json.put("alternate_name", organization.alternateName());
		json.put("description", organization.description() == null ? "" : organization.description());
		json.put("email", organization.email());
		json.put("website", organization.website());
		json.put("logo", organization.logo());
		json.put("uri", organization.uri());
		json.put("legal_status", organization.legalStatus());
		json.put("year_incorporated", organization.yearIncorporated());
		json.put("parent_organization_id", organization.parentOrganizationId());
		json.put("organization_identifiers", organization.organizationIdentifiers().stream().map(identifier -> {
			Map<String, Object> item = new Json();
			item.put("id", identifier.id());
			item.put("organization_id", organization.id());
			item.put("identifier_scheme", identifier.identifierScheme());
			item.put("identifier_type", identifier.identifierType());
			item.put("identifier", identifier.identifier());
			return item;
		}).toList());
		return json;
	}

	Map<String, Object> location(Location location) {
		Map<String, Object> json = new Json();
		json.put("id", location.id());
		json.put("location_type", location.locationType());
		json.put("url", location.url());
		json.put("organization_id", location.organizationId());
		json.put("name", location.name());
		json.put("alternate_name", location.alternateName());
		json.put("description", location.description());
		json.put("transportation", location.transportation());
		json.put("latitude", location.latitude());
		json.put("longitude", location.longitude());
		json.put("external_identifier", location.externalIdentifier());
		json.put("external_identifier_type", location.externalIdentifierType());
		json.put("addresses", location.addresses().stream().map(address -> {
			Map<String, Object> item = new Json();
			item.put("id", address.id());
			item.put("location_id", location.id());
			item.put("attention", address.attention());
			item.put("address_1", address.address1());
			item.put("address_2", address.address2());
			item.put("city", address.city());
			item.put("region", address.region());
			item.put("state_province", address.stateProvince());
			item.put("postal_code", address.postalCode());
			item.put("country", address.country());
			item.put("address_type", address.addressType());
			return item;
		}).toList());
		json.put("accessibility", location.accessibility().stream().map(accessibility -> {
			Map<String, Object> item = new Json();
			item.put("id", accessibility.id());
			item.put("location_id", location.id());
			item.put("description", accessibility.description());
			item.put("details", accessibility.details());
			item.put("url", accessibility.url());
			return item;
		}).toList());
		return json;
	}

	Map<String, Object> term(TaxonomyTerm term) {
		Map<String, Object> json = new Json();
		json.put("id", term.id());
		json.put("code", term.code());
		json.put("name", term.name());
		json.put("description", term.description() == null ? "" : term.description());
		json.put("parent_id", term.parentId());
		json.put("taxonomy", term.taxonomy());
		json.put("taxonomy_id", term.taxonomyId());
		json.put("language", term.language());
		json.put("term_uri", term.termUri());
		return json;
	}

	private static String utc(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
	}

	/** A JSON object that keeps field order and leaves out fields with no value. */
	private static final class Json extends LinkedHashMap<String, Object> {

		@Override
		public Object put(String key, Object value) {
			return value == null ? null : super.put(key, value);
		}

	}

}
