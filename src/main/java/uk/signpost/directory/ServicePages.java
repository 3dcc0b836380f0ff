package uk.signpost.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * Loads a service with what its page shows: organisation, places, publisher, terms, the
 * newest check recorded.
 */
@Component
public class ServicePages {

	private final ServiceRepository services;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final PublisherRepository publishers;

	private final TaxonomyTermRepository terms;

	private final ServiceChecks checks;

	private final Clock clock;

	ServicePages(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
			PublisherRepository publishers, TaxonomyTermRepository terms, ServiceChecks checks,
			ObjectProvider<Clock> clock) {
		this.services = services;
		this.organizations = organizations;
		this.locations = locations;
		this.publishers = publishers;
		this.terms = terms;
		this.checks = checks;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** back: where the page's back link goes; text: the page's words. */
	public Optional<ServicePage> find(String id, String back, MessageSourceAccessor text) {
		return this.services.findById(id).map(service -> page(service, back, text));
	}

	private ServicePage page(Service service, String back, MessageSourceAccessor text) {
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
				this.publishers.findById(service.publisherId()).orElse(null), names,
				this.checks.latest(service.id()).orElse(null), back, Validity.now(this.clock), text);
	}

}
