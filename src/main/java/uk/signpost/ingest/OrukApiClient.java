package uk.signpost.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import uk.signpost.settings.SignpostProperties;

/**
 * Downloads a publisher's whole ORUK API into local files before anything is written, so
 * a failed or truncated download changes nothing. Walks every page of /services; where a
 * page lists only a service's one-to-one fields (as ORUK's /services does), fetches
 * /services/{id} for the full record, several at a time. A publisher's API cannot make it
 * run for ever or fill memory: it stops at signpost.limits' pages and bytes, when a page
 * repeats an earlier one, and follows redirects only to the same host (or one listed).
 */
final class OrukApiClient {

	static final int PER_PAGE = 100;

	private static final int PARALLEL_FETCHES = 6;

	private static final int MAX_REDIRECTS = 5;

	private final HttpClient http;

	private final ObjectMapper json;

	private final Duration timeout;

	private final SignpostProperties.Limits limits;

	private final AtomicLong bytesRead = new AtomicLong();

	OrukApiClient(ObjectMapper json, Duration timeout, SignpostProperties.Limits limits) {
		this.json = json;
		this.timeout = timeout;
		this.limits = limits;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			// Followed here, after checking where they lead.
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * The files written, one per page of full service records; complete is false when the
	 * walk ended early (a page repeated before the last page), so the feed is not known
	 * to be whole and nothing may be withdrawn.
	 */
	record Download(List<Path> files, boolean complete, List<Problem> problems) {
	}

	Download download(URI baseUrl, Instant modifiedAfter, Path folder) {
		String base = baseUrl.toString().replaceAll("/+$", "");
		List<Path> files = new ArrayList<>();
		Map<String, Integer> pagesSeen = new HashMap<>();
		for (int page = 1; page <= this.limits.getMaxPages(); page++) {
			String url = base + "/services?page=" + page + "&per_page=" + PER_PAGE + (modifiedAfter == null ? ""
					: "&modified_after=" + URLEncoder.encode(modifiedAfter.toString(), StandardCharsets.UTF_8));
			JsonNode body = get(url);
			JsonNode contents = body.get("contents");
			if (contents == null || !contents.isArray()) {
				throw new FeedException("GET " + url + " is not an ORUK page: it has no \"contents\" list");
			}
			JsonNode totalPages = body.get("total_pages");
			Integer earlier = contents.isEmpty() ? null : pagesSeen.putIfAbsent(fingerprint(contents), page);
			if (earlier != null) {
				// An API that ignores the page number, or a total_pages that lies: what
				// follows would only be the same records again.
				boolean beforeLast = totalPages != null && totalPages.canConvertToInt() && page < totalPages.intValue();
				String problem = "page " + page + " lists the same services as page " + earlier
						+ ", so the download stopped there"
						+ (beforeLast ? " although total_pages says " + totalPages.intValue()
								+ "; as the feed may not be whole, no service is withdrawn" : "");
				return new Download(files, !beforeLast, List.of(Problem.warning(null, url, problem)));
			}
			Path file = folder.resolve(String.format("page-%06d.json", page));
			writePage(file, fullRecords(base, contents));
			files.add(file);
			JsonNode lastPage = body.get("last_page");
			boolean last = contents.isEmpty() || (lastPage != null && lastPage.asBoolean(false))
					|| (totalPages != null && totalPages.canConvertToInt() && page >= totalPages.intValue());
			if (last) {
				return new Download(files, true, List.of());
			}
		}
		throw new FeedException("GET " + base + "/services has more than " + this.limits.getMaxPages()
				+ " pages (signpost.limits.max-pages); stopped");
	}

	/** The ids of a page's records, or its whole text where they have none. */
	private static String fingerprint(JsonNode contents) {
		StringBuilder ids = new StringBuilder();
		for (JsonNode item : contents) {
			String id = RecordReader.sourceId(item);
			ids.append(id == null ? item.toString() : id).append('\n');
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(ids.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<JsonNode> fullRecords(String base, JsonNode contents) {
		Semaphore slots = new Semaphore(PARALLEL_FETCHES);
		List<CompletableFuture<JsonNode>> records = new ArrayList<>();
		for (JsonNode item : contents) {
			String id = RecordReader.sourceId(item);
			if (item.has("service_at_locations") || id == null) {
				records.add(CompletableFuture.completedFuture(item));
				continue;
			}
			String url = base + "/services/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
			slots.acquireUninterruptibly();
			records.add(getAsync(url).whenComplete((r, e) -> slots.release()));
		}
		try {
			return records.stream().map(CompletableFuture::join).toList();
		}
		catch (CompletionException ex) {
			throw feedException(ex);
		}
	}

	private void writePage(Path file, List<JsonNode> records) {
		try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartArray();
			for (JsonNode record : records) {
				this.json.writeTree(generator, record);
			}
			generator.writeEndArray();
		}
		catch (IOException ex) {
			throw new FeedException("Could not write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * What one address of the API answers, read as JSON with the same guards as an
	 * import; FeedException says why not.
	 */
	JsonNode get(String url) {
		try {
			return getAsync(url).join();
		}
		catch (CompletionException ex) {
			throw feedException(ex);
		}
	}

	private static FeedException feedException(CompletionException ex) {
		if (ex.getCause() instanceof FeedException feed) {
			return feed;
		}
		return new FeedException(ex.getCause().getMessage(), ex.getCause());
	}

	private CompletableFuture<JsonNode> getAsync(String url) {
		return getAsync(URI.create(url), URI.create(url), 0);
	}

	private CompletableFuture<JsonNode> getAsync(URI first, URI url, int redirects) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		// The request timeout covers only the wait for headers; orTimeout also bounds a
		// stalled body.
		return this.http.sendAsync(request, this::capped)
			.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.handle((response, failure) -> {
				if (failure == null && isRedirect(response.statusCode())) {
					return followed(first, url, response, redirects);
				}
				return CompletableFuture.completedFuture(parse(url.toString(), response, failure));
			})
			.thenCompose(next -> next);
	}

	private static boolean isRedirect(int status) {
		return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
	}

	/** A redirect to the same host (or one the operator listed) is followed. */
	private CompletionStage<JsonNode> followed(URI first, URI url, HttpResponse<byte[]> response, int redirects) {
		String location = response.headers().firstValue("Location").orElse(null);
		if (location == null) {
			throw new FeedException("GET " + url + " answered HTTP " + response.statusCode() + " with no Location");
		}
		URI next = url.resolve(location);
		String host = next.getHost() == null ? "" : next.getHost().toLowerCase(Locale.ROOT);
		boolean allowed = host.equalsIgnoreCase(first.getHost())
				|| this.limits.getRedirectHosts().stream().anyMatch(listed -> listed.equalsIgnoreCase(host));
		String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
		if (!allowed || !(scheme.equals("https") || scheme.equals("http"))) {
			throw new FeedException("GET " + url + " redirects to " + next + ", another host; not followed (list it"
					+ " in signpost.limits.redirect-hosts if the publisher has moved its API there)");
		}
		if (redirects >= MAX_REDIRECTS) {
			throw new FeedException("GET " + first + " redirected more than " + MAX_REDIRECTS + " times; stopped");
		}
		return getAsync(first, next, redirects + 1);
	}

	/**
	 * The body as bytes, refused past the size of one response or of the whole feed, so a
	 * huge answer is cut off while it streams rather than held in memory.
	 */
	private HttpResponse.BodySubscriber<byte[]> capped(HttpResponse.ResponseInfo info) {
		long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
		long maxResponse = this.limits.getMaxResponseSize().toBytes();
		if (declared > maxResponse) {
			return HttpResponse.BodySubscribers.replacing(null);
		}
		return new CappedBody(HttpResponse.BodySubscribers.ofByteArray(), maxResponse);
	}

	private final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

		private final HttpResponse.BodySubscriber<byte[]> bytes;

		private final long maxResponse;

		private long read;

		private Flow.Subscription subscription;

		private boolean refused;

		CappedBody(HttpResponse.BodySubscriber<byte[]> bytes, long maxResponse) {
			this.bytes = bytes;
			this.maxResponse = maxResponse;
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.bytes.getBody();
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			this.bytes.onSubscribe(subscription);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.refused) {
				return;
			}
			long size = buffers.stream().mapToLong(ByteBuffer::remaining).sum();
			this.read += size;
			long total = OrukApiClient.this.bytesRead.addAndGet(size);
			long maxFeed = OrukApiClient.this.limits.getMaxFeedSize().toBytes();
			if (this.read > this.maxResponse || total > maxFeed) {
				this.refused = true;
				this.subscription.cancel();
				this.bytes.onError(new FeedException(this.read > this.maxResponse
						? "a response is larger than " + OrukApiClient.this.limits.getMaxResponseSize()
								+ " (signpost.limits.max-response-size); stopped"
						: "the feed is larger than " + OrukApiClient.this.limits.getMaxFeedSize()
								+ " (signpost.limits.max-feed-size); stopped"));
				return;
			}
			this.bytes.onNext(buffers);
		}

		@Override
		public void onError(Throwable failure) {
			if (!this.refused) {
				this.bytes.onError(failure);
			}
		}

		@Override
		public void onComplete() {
			if (!this.refused) {
				this.bytes.onComplete();
			}
		}

	}

	private JsonNode parse(String url, HttpResponse<byte[]> response, Throwable failure) {
		if (failure != null) {
			Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
					: failure;
			if (cause instanceof FeedException feed) {
				throw new FeedException("GET " + url + ": " + feed.getMessage(), feed);
			}
			if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
				throw new FeedException("GET " + url + " timed out after " + this.timeout.toSeconds() + " s", cause);
			}
			throw new FeedException("GET " + url + " failed (" + cause.getClass().getSimpleName() + "): "
					+ cause.getMessage() + "; the download may have been cut off", cause);
		}
		if (response.statusCode() != 200) {
			throw new FeedException("GET " + url + " answered HTTP " + response.statusCode());
		}
		if (response.body() == null) {
			throw new FeedException("GET " + url + " declares a response larger than "
					+ this.limits.getMaxResponseSize() + " (signpost.limits.max-response-size); not read");
		}
		try {
			return this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			var where = ex.getLocation();
			throw new FeedException("GET " + url + " is not valid JSON"
					+ (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
					+ " (a cut-off download looks like this): " + ex.getOriginalMessage(), ex);
		}
	}

}
