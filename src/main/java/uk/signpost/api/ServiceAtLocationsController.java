package uk.signpost.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.geo.Place;
import uk.signpost.geo.PlaceFinder;
import uk.signpost.search.ServiceQuery;
import uk.signpost.search.ServiceSearch;

/**
 * ORUK's /service_at_locations: each service at each of its locations, with the filters
 * of /services plus postcode and proximity (metres), nearest first.
 */
@RestController
@RequestMapping("/api/service_at_locations")
@CrossOrigin(methods = RequestMethod.GET)
class ServiceAtLocationsController {

	private final OrukRecords records;

	private final ServiceAtLocationFinder finder;

	private final PlaceFinder places;

	private final ServiceSearch search;

	ServiceAtLocationsController(OrukRecords records, ServiceAtLocationFinder finder, PlaceFinder places,
			ServiceSearch search) {
		this.records = records;
		this.finder = finder;
		this.places = places;
		this.search = search;
	}

	@GetMapping
	Map<String, Object> serviceAtLocations(@RequestParam Map<String, String> parameters) {
		ApiParameters p = new ApiParameters(parameters);
		int page = p.page();
		int perPage = p.perPage();
		boolean full = p.bool("full");
		ApiQuery query = ServicesController.filters(p, this.search);
		Double proximity = p.positive("proximity");
		String postcode = p.text("postcode");
		ServiceQuery.Near near = null;
		if (postcode != null) {
			near = near(postcode, p);
			if (near != null && proximity == null) {
				// Without a distance, the postcode asks which services cover it.
				query = query.with(query.filters().servedIn(near.areas()));
			}
		}
		else if (proximity != null) {
			p.problem("proximity needs a postcode to measure from");
		}
		p.failIfInvalid();
		ServiceAtLocationFinder.Found found = this.finder.find(query, near, proximity, page, perPage);
		Map<String, Map<String, Object>> services = new HashMap<>();
		this.records.full(found.page().stream().map(ServiceAtLocationFinder.Match::serviceId).distinct().toList())
			.forEach(service -> services.put((String) service.get("id"), service));
		List<Map<String, Object>> contents = new ArrayList<>();
		for (ServiceAtLocationFinder.Match match : found.page()) {
			Map<String, Object> service = services.get(match.serviceId());
			if (service != null) {
				serviceAtLocation(service, match.id(), full).ifPresent(contents::add);
			}
		}
		return ApiPage.of(found.total(), page, perPage, contents);
	}

	/**
	 * The service_at_location with this id inside a whole service, with the service
	 * (whole or its one-to-one fields) inside it in turn.
	 */
	@SuppressWarnings("unchecked")
	private static Optional<Map<String, Object>> serviceAtLocation(Map<String, Object> service, String id,
			boolean full) {
		return ((List<Map<String, Object>>) service.get("service_at_locations")).stream()
			.filter(sal -> id.equals(sal.get("id")))
			.findFirst()
			.map(sal -> {
				Map<String, Object> item = new OrukRecords.Json(sal);
				item.put("service", full ? service : OrukRecords.summary(service));
				return item;
			});
	}

	private ServiceQuery.Near near(String postcode, ApiParameters p) {
		PlaceFinder.Whereabouts whereabouts = this.places.find(postcode);
		if (whereabouts instanceof PlaceFinder.Found found) {
			return new ServiceQuery.Near(found.latitude(), found.longitude(), found.areas());
		}
		if (whereabouts instanceof PlaceFinder.Ambiguous ambiguous) {
			p.problem("postcode \"" + postcode + "\" names more than one place: "
					+ ambiguous.choices().stream().map(Place::label).collect(Collectors.joining(", ")));
		}
		else if (whereabouts instanceof PlaceFinder.NotFound notFound) {
			p.problem("postcode: " + notFound.message());
		}
		return null;
	}

	@GetMapping("/{id}")
	ResponseEntity<Map<String, Object>> serviceAtLocation(@PathVariable String id) {
		String serviceId = this.records.serviceIdOfServiceAtLocation(id)
			.orElseThrow(
					() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no service_at_location with the id " + id));
		if (this.records.presence("service", serviceId) == OrukRecords.Presence.WITHDRAWN) {
			throw new ApiProblem(HttpStatus.GONE, "The service " + serviceId + " has been withdrawn by its publisher");
		}
		Map<String, Object> service = this.records.full(List.of(serviceId)).get(0);
		return ResponseEntity.ok()
			.lastModified(this.records.lastChanged(serviceId))
			.body(serviceAtLocation(service, id, true).orElseThrow());
	}

}
