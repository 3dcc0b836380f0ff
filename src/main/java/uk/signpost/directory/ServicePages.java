package uk.signpost.directory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Loads a service with what its page shows: organisation, places, publisher, terms. */
@Component
public class ServicePages {

	private static final ZoneId LONDON = Validity.UK;

	private final ServiceRepository services;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final PublisherRepository publishers;

	private final TaxonomyTermRepository terms;

	private final Clock clock;

	ServicePages(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
			PublisherRepository publishers, TaxonomyTermRepository terms, ObjectProvider<Clock> clock) {
		this.services = services;
		this.organizations = organizations;
		this.locations = locations;
		this.publishers = publishers;
		this.terms = terms;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** back: where the page's back link goes. */
	public Optional<ServicePage> find(String id, String back) {
		return this.services.findById(id).map(service -> page(service, back));
	}

	private ServicePage page(Service service, String back) {
		Organization organization = service.organizationId() == null ? null
				: this.organizations.findById(service.organizationId()).orElse(null);
		List<ServicePage.Venue> venues = new ArrayList<>();
		for (Service.ServiceAtLocation sal : service.serviceAtLocations()) {
			this.locations.findById(sal.locationId()).ifPresent(l -> venues.add(ServicePage.venue(l)));
		}
		List<String> names = service.attributes()
			.stream()
			.map(Service.Attribute::taxonomyTermId)
			.filter(Objects::nonNull)
			.map(this.terms::findById)
			.flatMap(Optional::stream)
			.map(TaxonomyTerm::name)
			.toList();
		return new ServicePage(service, organization, venues,
				this.publishers.findById(service.publisherId()).orElse(null), names, back,
				ZonedDateTime.now(this.clock.withZone(LONDON)));
	}

}
