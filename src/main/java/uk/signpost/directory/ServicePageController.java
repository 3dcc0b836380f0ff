package uk.signpost.directory;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A service's own page, at its ORUK id. */
@Controller
class ServicePageController {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final ServiceRepository services;

	private final OrganizationRepository organizations;

	private final LocationRepository locations;

	private final PublisherRepository publishers;

	private final TaxonomyTermRepository terms;

	private final Clock clock;

	ServicePageController(ServiceRepository services, OrganizationRepository organizations,
			LocationRepository locations, PublisherRepository publishers, TaxonomyTermRepository terms,
			ObjectProvider<Clock> clock) {
		this.services = services;
		this.organizations = organizations;
		this.locations = locations;
		this.publishers = publishers;
		this.terms = terms;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/** from: the results page the person came from, to go back to. */
	@GetMapping("/services/{id}")
	String service(@PathVariable String id, @RequestParam(required = false) String from, Model model,
			HttpServletResponse response) {
		Service service = this.services.findById(id).orElse(null);
		if (service == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		// Only our own search pages: never send people to another site.
		String back = from != null && from.startsWith("/search") ? from : "/search";
		model.addAttribute("back", back);
		if (service.isWithdrawn()) {
			response.setStatus(HttpStatus.GONE.value());
			model.addAttribute("name", service.name());
			return "service-withdrawn";
		}
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
			.flatMap(java.util.Optional::stream)
			.map(TaxonomyTerm::name)
			.toList();
		model.addAttribute("page",
				new ServicePage(service, organization, venues,
						this.publishers.findById(service.publisherId()).orElse(null), names, back,
						ZonedDateTime.now(this.clock.withZone(LONDON))));
		return "service";
	}

}
