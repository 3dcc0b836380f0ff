package uk.signpost.web;

import org.junit.jupiter.api.Test;

import uk.signpost.ServerTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's frame shows the person's list, whichever controller drew the page: Spring
 * Boot's error pages too, which no feature's controller advice reached.
 */
class PageFrameTest extends ServerTest {

	@Test
	void theListCountIsOnEveryPageErrorPagesIncluded() throws Exception {
		for (String path : new String[] { "/", "/privacy", "/search?q=food", "/nope", "/search?age=abc" }) {
			var response = send(request(path).header("Accept", "text/html")
				.header("Cookie",
						YourList.COOKIE + "=" + java.util.UUID.randomUUID() + "." + java.util.UUID.randomUUID()));
			assertThat(response.body()).as(path).contains("Your list (2)");
		}
	}

}
