package uk.signpost.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import uk.signpost.directory.Service;

/**
 * The directory as an ORUK 3.0 (HSDS-UK 3.0) API: read-only JSON under /api, open to
 * every origin for GET.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@CrossOrigin(methods = org.springframework.web.bind.annotation.RequestMethod.GET)
class ApiController {

	static final String VERSION = "HSDS-UK-3.0";

	static final String PROFILE = "https://github.com/openreferral/uk-profile";

	private final ServiceRecords records;

	ApiController(ServiceRecords records) {
		this.records = records;
	}

	/**
	 * Where the ORUK validator starts: which version and profile, and the OpenAPI file.
	 */
	@GetMapping
	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", VERSION);
		details.put("profile", PROFILE);
		details.put("openapi_url",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/openapi.json").toUriString());
		return details;
	}

	@GetMapping("/services/{id}")
	ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
		Service service = this.records.find(id)
			.orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "There is no service with the id " + id));
		if (service.isWithdrawn()) {
			throw new ApiProblem(HttpStatus.GONE, "The service " + id + " has been withdrawn by its publisher");
		}
		return ResponseEntity.ok().lastModified(service.importedAt()).body(this.records.full(service));
	}

}
