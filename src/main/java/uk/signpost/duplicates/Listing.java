package uk.signpost.duplicates;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One publisher's service as duplicate detection sees it: everything normalised once, so
 * comparing two is cheap. Imported text is untrusted and often untidy; nothing here fails
 * on it, a value that cannot be read is left out.
 *
 * @param names each name and alternate name, as its bigrams with and without anything in
 * brackets ("Preston Food Bank (Trussell)" is also "prestonfoodbank")
 * @param numbers the numbers in its names ("Room 2", "Preston North 3")
 * @param words the name's words, for blocking
 * @param phones numbers in E.164 (+441632960001), however they were written
 * @param points latitude and longitude of each venue
 */
record Listing(String id, String publisherId, List<int[]> names, Set<String> numbers, Set<String> words,
		List<int[]> organisation, Set<String> phones, Set<String> emails, Set<String> hosts, Set<String> postcodes,
		List<double[]> points) {

	/** Short forms publishers write, and words too common to find anything by. */
	private static final Map<String, String> SHORT = Map.of("ctr", "centre", "assoc", "association", "svc", "service",
			"st", "saint");

	private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "service", "services", "group",
			"support", "centre", "community", "advice", "help", "club", "project", "lancashire");

	/** What a listing is built from: the database's values as they are. */
	static final class Builder {

		final String id;

		final String publisherId;

		final List<String> names = new ArrayList<>();

		final List<String> organisation = new ArrayList<>();

		final Set<String> phones = new LinkedHashSet<>();

		final Set<String> emails = new LinkedHashSet<>();

		final Set<String> hosts = new LinkedHashSet<>();

		final Set<String> postcodes = new LinkedHashSet<>();

		final List<double[]> points = new ArrayList<>();

		Builder(String id, String publisherId) {
			this.id = id;
			this.publisherId = publisherId;
		}

		Builder name(String name) {
			if (name != null && !name.isBlank()) {
				this.names.add(name);
			}
			return this;
		}

		Builder organisation(String name) {
			if (name != null && !name.isBlank()) {
				this.organisation.add(name);
			}
			return this;
		}

		Builder phone(String number) {
			String e164 = e164(number);
			if (e164 != null) {
				this.phones.add(e164);
			}
			return this;
		}

		Builder email(String email) {
			if (email != null && email.contains("@")) {
				this.emails.add(email.strip().toLowerCase(Locale.ROOT));
			}
			return this;
		}

		Builder website(String url) {
			String host = host(url);
			if (host != null) {
				this.hosts.add(host);
			}
			return this;
		}

		Builder venue(Double latitude, Double longitude, String postcode) {
			if (latitude != null && longitude != null) {
				this.points.add(new double[] { latitude, longitude });
			}
			if (postcode != null) {
				String code = postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
				if (code.length() >= 5 && code.length() <= 7) {
					this.postcodes.add(code);
				}
			}
			return this;
		}

		Listing build() {
			List<int[]> grams = new ArrayList<>();
			Set<String> words = new LinkedHashSet<>();
			Set<String> numbers = new LinkedHashSet<>();
			for (String name : this.names) {
				String plain = normalise(name);
				String bare = plain.replaceAll("\\([^)]*\\)", " ");
				grams.add(Bigrams.of(plain));
				grams.add(Bigrams.of(bare));
				for (String word : bare.split("[^a-z0-9]+")) {
					if (word.length() >= 3 && !COMMON.contains(word)) {
						words.add(word);
					}
					if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
						numbers.add(word);
					}
				}
			}
			List<int[]> organisation = this.organisation.stream()
				.map(o -> Bigrams.of(normalise(o).replaceAll("\\([^)]*\\)", " ")))
				.toList();
			return new Listing(this.id, this.publisherId, grams, numbers, words, organisation, this.phones, this.emails,
					this.hosts, this.postcodes, this.points);
		}

	}

	/**
	 * Lower case, "&" as "and", apostrophes dropped, short forms written out, "the" at
	 * the start dropped, anything else not a letter or digit a space (brackets kept, to
	 * strip).
	 */
	static String normalise(String name) {
		String text = name.toLowerCase(Locale.UK).replace("&", " and ").replaceAll("['’]", "");
		StringBuilder out = new StringBuilder();
		for (String word : text.split("[^a-z0-9()]+")) {
			if (word.isEmpty() || (out.isEmpty() && word.equals("the"))) {
				continue;
			}
			out.append(SHORT.getOrDefault(word, word)).append(' ');
		}
		return out.toString().strip();
	}

	/** A UK number in E.164; null when it is not a number. */
	static String e164(String number) {
		return uk.signpost.directory.Phones.e164(number);
	}

	/** A website's host in lower case without "www.", or null. */
	static String host(String url) {
		if (url == null || url.isBlank()) {
			return null;
		}
		try {
			String host = URI.create(url.strip().contains("://") ? url.strip() : "https://" + url.strip()).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The outward codes of its postcodes (PR1 of PR1 2AB). */
	Set<String> outwardCodes() {
		Set<String> outward = new LinkedHashSet<>();
		this.postcodes.forEach(p -> outward.add(p.substring(0, p.length() - 3)));
		return outward;
	}

}
