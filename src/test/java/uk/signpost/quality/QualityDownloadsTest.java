package uk.signpost.quality;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.signpost.ServerTest;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quality CSV of a publisher that is not there, through a real port and the site's
 * own error pages (MockMvc does not forward to them): the GOV.UK 404, as for any other
 * unknown address, not a bare 404.
 */
class QualityDownloadsTest extends ServerTest {

	@Autowired
	StaffAccounts accounts;

	private static String cookie(HttpResponse<String> response) {
		String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
		return cookie.substring(0, cookie.indexOf(';'));
	}

	@Test
	void anUnknownPublishersCsvIsTheGovukNotFoundPage() throws Exception {
		Staffing.reset(this.jdbc);
		Staffing.add(this.accounts, "curator@example.org", "Cal Curator", "Council", Role.CURATOR);
		HttpResponse<String> form = send(request("/sign-in"));
		HttpResponse<String> signedIn = send(request("/sign-in").header("Cookie", cookie(form))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=curator%40example.org&password="
					+ Staffing.PASSWORD.replace(' ', '+') + "&_csrf=" + Staffing.token(form.body()))));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/manage"));
		String session = cookie(signedIn);
		for (String accept : new String[] { "text/html,application/xhtml+xml,*/*;q=0.8", "*/*" }) {
			HttpResponse<String> csv = send(
					request("/manage/quality/nope/records.csv").header("Cookie", session).header("Accept", accept));
			assertThat(csv.statusCode()).as(accept).isEqualTo(404);
			assertThat(csv.body()).as(accept)
				.contains("govuk-template", "<h1 class=\"govuk-heading-l\">Page not found</h1>");
		}
	}

}
