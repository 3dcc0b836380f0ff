package uk.signpost.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ORUK's page envelope around one page of records. */
final class ApiPage {

	private ApiPage() {
	}

	static Map<String, Object> of(long totalItems, int page, int perPage, List<?> contents) {
		int pages = (int) Math.max(1, (totalItems + perPage - 1) / perPage);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total_items", totalItems);
		body.put("total_pages", pages);
		body.put("page_number", page);
		body.put("size", contents.size());
		body.put("first_page", page == 1);
		body.put("last_page", page >= pages);
		body.put("empty", contents.isEmpty());
		body.put("contents", contents);
		return body;
	}

}
