package uk.signpost.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Downloads a publisher's whole ORUK API into local files before anything is written, so
 * a failed or truncated download changes nothing. Walks every page of /services; where a
 * page lists only a service's one-to-one fields (as ORUK's /services does), fetches
 * /services/{id} for the full record, several at a time.
 */
final class OrukApiClient {

	static final int PER_PAGE = 100;

	private static final int MAX_PAGES = 100_000;

	private static final int PARALLEL_FETCHES = 6;

	private final HttpClient http;

	private final ObjectMapper json;

	private final Duration timeout;

	OrukApiClient(ObjectMapper json, Duration timeout) {
		this.json = json;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	/**
	 * Writes one file per page of full service records into folder; returns the files.
	 */
	List<Path> download(URI baseUrl, Instant modifiedAfter, Path folder) {
		String base = baseUrl.toString().replaceAll("/+$", "");
		List<Path> files = new ArrayList<>();
		for (int page = 1; page <= MAX_PAGES; page++) {
			String url = base + "/services?page=" + page + "&per_page=" + PER_PAGE + (modifiedAfter == null ? ""
					: "&modified_after=" + URLEncoder.encode(modifiedAfter.toString(), StandardCharsets.UTF_8));
			JsonNode body = get(url);
			JsonNode contents = body.get("contents");
			if (contents == null || !contents.isArray()) {
				throw new FeedException("GET " + url + " is not an ORUK page: it has no \"contents\" list");
			}
			Path file = folder.resolve(String.format("page-%06d.json", page));
			writePage(file, fullRecords(base, contents));
			files.add(file);
			JsonNode totalPages = body.get("total_pages");
			JsonNode lastPage = body.get("last_page");
			boolean last = contents.isEmpty() || (lastPage != null && lastPage.asBoolean(false))
					|| (totalPages != null && totalPages.canConvertToInt() && page >= totalPages.intValue());
			if (last) {
				return files;
			}
		}
		throw new FeedException("GET " + base + "/services has more than " + MAX_PAGES + " pages; stopped");
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
			if (ex.getCause() instanceof FeedException feed) {
				throw feed;
			}
			throw new FeedException(ex.getCause().getMessage(), ex.getCause());
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

	private JsonNode get(String url) {
		try {
			return getAsync(url).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof FeedException feed) {
				throw feed;
			}
			throw new FeedException("GET " + url + " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private CompletableFuture<JsonNode> getAsync(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		// The request timeout covers only the wait for headers; orTimeout also bounds a
		// stalled body.
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
			.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
			.handle((response, failure) -> parse(url, response, failure));
	}

	private JsonNode parse(String url, HttpResponse<byte[]> response, Throwable failure) {
		if (failure != null) {
			Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
					: failure;
			if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
				throw new FeedException("GET " + url + " timed out after " + this.timeout.toSeconds() + " s", cause);
			}
			throw new FeedException("GET " + url + " failed (" + cause.getClass().getSimpleName() + "): "
					+ cause.getMessage() + "; the download may have been cut off", cause);
		}
		if (response.statusCode() != 200) {
			throw new FeedException("GET " + url + " answered HTTP " + response.statusCode());
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
