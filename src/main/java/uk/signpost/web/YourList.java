package uk.signpost.web;

import java.time.Duration;
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
 * tracking). It lasts until the browser closes, because the device may be shared, unless
 * the person chooses to keep the list on this device for {@link #KEPT_FOR}; a share link
 * carries the same ids in its address.
 */
final class YourList {

	static final String COOKIE = "signpost-list";

	static final int MOST = 50;

	/** How long a list lasts on a device when the person asks for it to stay. */
	static final Duration KEPT_FOR = Duration.ofDays(90);

	/**
	 * The first part of the cookie when the person chose to keep the list on this device:
	 * not an id, so {@link #parse} passes over it.
	 */
	static final String ON_DEVICE = "keep";

	/** Signpost ids are UUIDs: anything else in the cookie or a link is ignored. */
	private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private YourList() {
	}

	static List<String> read(HttpServletRequest request) {
		return parse(cookie(request));
	}

	/** Whether the person chose to keep the list on this device. */
	static boolean onDevice(HttpServletRequest request) {
		String value = cookie(request);
		return value != null && value.startsWith(ON_DEVICE + ".");
	}

	private static String cookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
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

	/** Writes the list, kept on the device or not as the person chose before. */
	static void write(HttpServletRequest request, HttpServletResponse response, List<String> ids) {
		write(request, response, ids, onDevice(request));
	}

	/**
	 * onDevice: for {@link #KEPT_FOR}, else until the browser closes. Secure whenever the
	 * request came over HTTPS; an empty list deletes the cookie.
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, List<String> ids, boolean onDevice) {
		String value = String.join(".", ids);
		Cookie cookie = new Cookie(COOKIE, onDevice && !ids.isEmpty() ? ON_DEVICE + "." + value : value);
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setAttribute("SameSite", "Lax");
		cookie.setMaxAge(ids.isEmpty() ? 0 : onDevice ? (int) KEPT_FOR.toSeconds() : -1);
		response.addCookie(cookie);
	}

	static List<String> with(List<String> ids, String id) {
		List<String> more = new ArrayList<>(ids);
		if (ID.matcher(id).matches() && !more.contains(id) && more.size() < MOST) {
			more.add(id);
		}
		return more;
	}

	/** The list with others after it, in order, each once, up to {@link #MOST}. */
	static List<String> with(List<String> ids, List<String> others) {
		List<String> more = ids;
		for (String id : others) {
			more = with(more, id);
		}
		return more;
	}

	static List<String> without(List<String> ids, String id) {
		List<String> fewer = new ArrayList<>(ids);
		fewer.remove(id);
		return fewer;
	}

}
