package uk.signpost.api;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import uk.signpost.content.ContentPages;
import uk.signpost.directory.Publisher;
import uk.signpost.directory.PublisherRepository;

/**
 * Where the ORUK API starts: the details object and the OpenAPI file that describes what
 * Signpost implements.
 */
@RestController
@RequestMapping("/api")
@CrossOrigin(methods = RequestMethod.GET)
class ApiController {

	static final String VERSION = "HSDS-UK-3.0";

	static final String PROFILE = "https://github.com/openreferral/uk-profile";

	static final String OPENAPI = "api/openapi.json";

	private final byte[] openapi;

	private final PublisherRepository publishers;

	private final ContentPages pages;

	ApiController(PublisherRepository publishers, ContentPages pages) throws IOException {
		this.pages = pages;
		this.openapi = new ClassPathResource(OPENAPI).getContentAsByteArray();
		this.publishers = publishers;
	}

	/**
	 * The ORUK validator starts here: which version and profile, and the OpenAPI file. No
	 * produces condition, as on every API handler: see {@link ApiErrors}.
	 */
	@GetMapping
	Map<String, Object> details(HttpServletResponse response) {
		// The same address answers a browser with a page.
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", VERSION);
		details.put("profile", PROFILE);
		details.put("openapi_url",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/openapi.json").toUriString());
		return details;
	}

	/**
	 * /api in a browser, which asks for HTML first: what the API is, whose the data is,
	 * and where to start. A client that accepts any type (curl) gets the JSON.
	 */
	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletResponse response) {
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		ModelAndView page = new ModelAndView("api");
		page.addObject("page", this.pages.page("open-data"));
		page.addObject("publishers",
				this.publishers.findAll()
					.stream()
					.sorted(Comparator.comparing(Publisher::name, String.CASE_INSENSITIVE_ORDER))
					.toList());
		return page;
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
