package uk.signpost.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The services a person keeps, with no account: their ids in one cookie that only this
 * feature reads, set when they ask to keep something (so it is strictly necessary, not
 * tracking). A share link carries the same ids in its address.
 */
final class YourList {

	static final String COOKIE = "signpost-list";

	static final int MOST = 50;

	/** Signpost ids are UUIDs: anything else in the cookie or a link is ignored. */
	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private YourList() {
	}

	static List<String> read(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return parse(cookie.getValue());
				}
			}
		}
		return List.of();
	}

	/** Ids from "a.b.c" (a cookie) or "a,b,c" (a share link), in order, once each. */
	static List<String> parse(String text) {
		if (text == null) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		Arrays.stream(text.split("[.,]"))
			.map(String::strip)
			.filter(id -> ID.matcher(id).matches())
			.limit(MOST)
			.forEach(ids::add);
		return List.copyOf(ids);
	}

	/** Secure whenever the request came over HTTPS. */
	static void write(HttpServletRequest request, HttpServletResponse response, List<String> ids) {
		Cookie cookie = new Cookie(COOKIE, String.join(".", ids));
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		cookie.setMaxAge(ids.isEmpty() ? 0 : 60 * 60 * 24 * 90);
		response.addCookie(cookie);
	}

	static List<String> with(List<String> ids, String id) {
		List<String> more = new ArrayList<>(ids);
		if (ID.matcher(id).matches() && !more.contains(id) && more.size() < MOST) {
			more.add(id);
		}
		return more;
	}

	static List<String> without(List<String> ids, String id) {
		List<String> fewer = new ArrayList<>(ids);
		fewer.remove(id);
		return fewer;
	}

}
