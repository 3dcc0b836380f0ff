package uk.signpost.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the ORUK API starts: the details object and the OpenAPI file that describes what
 * Signpost implements.
 */
@RestController
@RequestMapping(path = "/api", produces = "application/json")
@CrossOrigin(methods = RequestMethod.GET)
class ApiController {

	static final String VERSION = "HSDS-UK-3.0";

	static final String PROFILE = "https://github.com/openreferral/uk-profile";

	static final String OPENAPI = "api/openapi.json";

	private final byte[] openapi;

	ApiController() throws IOException {
		this.openapi = new ClassPathResource(OPENAPI).getContentAsByteArray();
	}

	/**
	 * The ORUK validator starts here: which version and profile, and the OpenAPI file.
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

	/** Any other path under /api: a JSON 404, not the site's error page. */
	@GetMapping("/**")
	Map<String, Object> unknown() {
		throw new ApiProblem(org.springframework.http.HttpStatus.NOT_FOUND,
				"There is nothing here; /api/openapi.json lists what there is");
	}

	@GetMapping("/openapi.json")
	ResponseEntity<byte[]> openapi() {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.openapi);
	}

}
