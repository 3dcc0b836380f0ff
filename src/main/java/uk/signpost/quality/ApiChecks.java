package uk.signpost.quality;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import uk.signpost.ingest.ApiProbe;

/**
 * The ORUK validator's level-1 checks of an API, in three requests: its root object says
 * it is ORUK 3.0 and where its OpenAPI file is; /services answers with ORUK's paging
 * fields; /services/{id} of a listed service answers with that service.
 */
final class ApiChecks {

	static final List<String> PAGING = List.of("total_items", "total_pages", "page_number", "size", "first_page",
			"last_page", "empty", "contents");

	private ApiChecks() {
	}

	/** For each feed check, null when it passes, or what is wrong. */
	static Map<Check, String> run(ApiProbe probe, String baseUrl) {
		String base = baseUrl.replaceAll("/+$", "");
		Map<Check, String> found = new EnumMap<>(Check.class);
		ApiProbe.Answer root = probe.get(base + "/");
		found.put(Check.API_ROOT, root.failure() != null ? root.failure() : root(root.body()));
		ApiProbe.Answer page = probe.get(base + "/services?page=1&per_page=1");
		if (page.failure() != null) {
			found.put(Check.API_PAGING, page.failure());
			found.put(Check.API_DETAIL, page.failure());
			return found;
		}
		found.put(Check.API_PAGING, paging(page.body()));
		JsonNode contents = page.body().get("contents");
		JsonNode first = contents != null && contents.isArray() && !contents.isEmpty() ? contents.get(0) : null;
		String id = first == null || first.get("id") == null ? null : first.get("id").asString();
		if (id == null || id.isBlank()) {
			found.put(Check.API_DETAIL, "/services listed no service with an id to ask for");
			return found;
		}
		String url = base + "/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
		ApiProbe.Answer detail = probe.get(url);
		found.put(Check.API_DETAIL, detail.failure() != null ? detail.failure() : detail(detail.body(), id, url));
		return found;
	}

	static String root(JsonNode body) {
		if (body == null || !body.isObject()) {
			return "the root is not a JSON object";
		}
		JsonNode version = body.get("version");
		List<String> wrong = new ArrayList<>();
		if (version == null || !version.isString() || !version.asString().contains("3.0")) {
			wrong.add("no \"version\" of ORUK 3.0 (such as \"HSDS-UK-3.0\")");
		}
		JsonNode openapi = body.get("openapi_url");
		if (openapi == null || !openapi.isString() || openapi.asString().isBlank()) {
			wrong.add("no \"openapi_url\"");
		}
		return wrong.isEmpty() ? null : "the root object has " + String.join(" and ", wrong);
	}

	static String paging(JsonNode body) {
		if (body == null || !body.isObject()) {
			return "/services did not answer with a JSON object";
		}
		List<String> missing = PAGING.stream().filter(field -> !body.has(field)).toList();
		if (!missing.isEmpty()) {
			return "/services has no " + String.join(", ", missing);
		}
		return body.get("contents").isArray() ? null : "/services has a \"contents\" that is not a list";
	}

	static String detail(JsonNode body, String id, String url) {
		if (body == null || !body.isObject() || body.get("id") == null || !id.equals(body.get("id").asString())) {
			return url + " did not answer with the service whose id is " + id;
		}
		return body.get("name") == null ? url + " answered a service with no name" : null;
	}

}
