package uk.signpost.web;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import uk.signpost.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see, through the real ports: health and metrics on the management port
 * only, never on the site's; readiness up once the index has caught up; and the metrics
 * README names exist and move when the site is used.
 */
class MonitoringTest extends ServerTest {

	@LocalManagementPort
	int management;

	HttpResponse<String> manage(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.management + path)));
	}

	static double value(String scrape, String line) {
		return scrape.lines()
			.filter(l -> l.startsWith(line))
			.mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
		assertThat(this.management).isNotEqualTo(this.port);
		assertThat(page("/actuator/health").statusCode()).isEqualTo(404);
		assertThat(page("/actuator/prometheus").statusCode()).isEqualTo(404);
		HttpResponse<String> liveness = manage("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"UP\"");
		directory();
		HttpResponse<String> readiness = manage("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"UP\"");
	}

	@Test
	void searchesImportsAndPagesShowInTheMetrics() throws Exception {
		directory();
		String before = manage("/actuator/prometheus").body();
		assertThat(page("/search?q=food").statusCode()).isEqualTo(200);
		assertThat(page("/search?q=food").statusCode()).isEqualTo(200);
		assertThat(page("/search?q=food&where=PR1").statusCode()).isEqualTo(200);
		String searched = manage("/actuator/prometheus").body();
		directory();
		String after = manage("/actuator/prometheus").body();
		// The same search again is answered from memory (docs/adr/0019), and counted.
		String kept = "cache_gets_total{cache=\"signpost.search.answers\",";
		assertThat(value(searched, kept + "result=\"hit\"}")).isGreaterThan(value(before, kept + "result=\"hit\"}"));
		assertThat(value(searched, kept + "result=\"miss\"}")).isGreaterThan(value(before, kept + "result=\"miss\"}"));
		assertThat(value(after, "signpost_search_seconds_count{place=\"no\",words=\"yes\"}"))
			.isGreaterThan(value(before, "signpost_search_seconds_count{place=\"no\",words=\"yes\"}"));
		assertThat(value(after, "signpost_import_seconds_count{outcome=\"succeeded\",publisher=\"council\"}"))
			.isGreaterThan(value(before, "signpost_import_seconds_count{outcome=\"succeeded\",publisher=\"council\"}"));
		// Latency by page kind: the address's pattern, with histogram buckets for
		// percentiles.
		assertThat(after).contains("http_server_requests_seconds_bucket")
			.containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/search\"")
			.contains("signpost_index_backlog")
			.contains("jvm_memory_used_bytes");
	}

}
