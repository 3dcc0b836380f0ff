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
 * newest check recorded, and the other publishers' copies of it when it leads a group a
 * curator confirmed (ADR 0016).
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

	private final ObjectProvider<SameService> sameService;

	ServicePages(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
			PublisherRepository publishers, TaxonomyTermRepository terms, ServiceChecks checks,
			ObjectProvider<Clock> clock, ObjectProvider<SameService> sameService) {
		this.sameService = sameService;
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
		SameService same = this.sameService.getIfAvailable();
		SameService.Group group = same == null ? null : same.groups(List.of(service.id())).get(service.id());
		List<ServicePage.Copy> copies = new ArrayList<>();
		if (group != null && group.lead().equals(service.id())) {
			for (String other : group.others(service.id())) {
				this.services.findById(other)
					.ifPresent(copy -> copies
						.add(new ServicePage.Copy(copy, this.publishers.findById(copy.publisherId()).orElse(null))));
			}
		}
		return new ServicePage(service, organization, venues,
				this.publishers.findById(service.publisherId()).orElse(null), names,
				this.checks.latest(service.id()).orElse(null), group, copies, back, Validity.now(this.clock), text);
	}

}
