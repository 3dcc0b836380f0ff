package uk.signpost.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a query parameter that the OpenAPI file does not list for the address, naming
 * it: ignored, a typo such as ?taxonomy_terms=food would answer the whole directory as if
 * it were the filtered one. The OpenAPI file is the list, so every parameter it documents
 * is accepted and a new one is documented to work.
 */
@Component
class DocumentedParameters implements HandlerInterceptor {

	/** The query parameters of each address, by its pattern (/api/services/{id}). */
	private final Map<String, Set<String>> byPattern = new HashMap<>();

	DocumentedParameters(ObjectMapper json) throws IOException {
		JsonNode document;
		try (InputStream in = new ClassPathResource(ApiController.OPENAPI).getInputStream()) {
			document = json.readTree(in);
		}
		JsonNode shared = document.path("components").path("parameters");
		document.path("paths").properties().forEach(path -> {
			Set<String> names = new LinkedHashSet<>();
			for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
				JsonNode reference = parameter.get("$ref");
				JsonNode resolved = reference == null ? parameter
						: shared.path(reference.asString().substring("#/components/parameters/".length()));
				if ("query".equals(resolved.path("in").asString())) {
					names.add(resolved.path("name").asString());
				}
			}
			this.byPattern.put("/api" + (path.getKey().equals("/") ? "" : path.getKey()), names);
		});
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Set<String> known = this.byPattern.get(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
		if (known == null) {
			return true;
		}
		List<String> unknown = request.getParameterMap()
			.keySet()
			.stream()
			.filter(name -> !known.contains(name))
			.sorted()
			.limit(5)
			.map(name -> "\"" + (name.length() > 60 ? name.substring(0, 57) + "..." : name) + "\"")
			.toList();
		if (unknown.isEmpty()) {
			return true;
		}
		throw new ApiProblem(HttpStatus.BAD_REQUEST,
				(unknown.size() == 1 ? "unknown parameter " : "unknown parameters ") + String.join(", ", unknown) + "; "
						+ (known.isEmpty() ? "this address takes none"
								: "this address takes " + String.join(", ", known))
						+ " (/api/openapi.json describes each)");
	}

}
