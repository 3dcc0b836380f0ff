package uk.signpost.search;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.signpost.geo.Gazetteer;

/**
 * "Use my location" on the search page (static/js/location.js): the outward code around a
 * point the browser gave, so the search box gets "PR1" and no address ever carries where
 * someone is. The script rounds the point first; nothing is kept.
 */
@RestController
class WhereController {

	private final Gazetteer gazetteer;

	WhereController(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@GetMapping(value = "/search/where", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> where(@RequestParam(required = false) Double latitude,
			@RequestParam(required = false) Double longitude) {
		if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
			return ResponseEntity.badRequest().body(Map.of("message", "latitude and longitude are needed"));
		}
		return this.gazetteer.nearestOutward(new Gazetteer.Point(latitude, longitude))
			.map(outward -> ResponseEntity.ok(Map.of("where", outward)))
			.orElseGet(() -> ResponseEntity.status(404).body(Map.of("message", "no postcode area near there")));
	}

}
