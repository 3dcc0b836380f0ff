package uk.signpost.web;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import uk.signpost.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench-web --target}: a site already running is loaded over its address alone,
 * the service pages' ids read from its own API (what .ci/bench-nodes does to one node and
 * to two behind nginx). Only that it runs and what it prints are checked, never how fast.
 */
class WebBenchmarkTargetTest extends ServerTest {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void loadsARunningSiteWithServicePagesFromItsApi() throws Exception {
		directory();

		int status = WebBenchmark.target("http://127.0.0.1:" + this.port + "/", 1, 2, "a service",
				new PrintStream(this.out, true, StandardCharsets.UTF_8));

		assertThat(status).isZero();
		String printed = this.out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("1 findable services (service pages from 1 of them)")
			.containsPattern("a service page +[0-9]+ +[0-9.]+ +[0-9.]+ +0 ")
			.doesNotContain("search mental health", "api sal");
	}

	@Test
	void saysSoWhenTheAddressIsNotASignpostSite() throws Exception {
		int status = WebBenchmark.target("http://127.0.0.1:" + this.port + "/not-here", 1, 2, null,
				new PrintStream(this.out, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith(
				"http://127.0.0.1:" + this.port + "/not-here/api/services answered 404, not a page of services");
	}

	@Test
	void saysSoWhenNothingAnswersThere() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}

		int status = WebBenchmark.target("http://127.0.0.1:" + closed, 1, 2, null,
				new PrintStream(this.out, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(1);
		assertThat(this.out.toString(StandardCharsets.UTF_8))
			.startsWith("No site answers at http://127.0.0.1:" + closed);
	}

}
