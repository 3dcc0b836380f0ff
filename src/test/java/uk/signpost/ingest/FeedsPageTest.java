package uk.signpost.ingest;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import uk.signpost.WebTest;
import uk.signpost.directory.PublisherContacts;
import uk.signpost.staff.Role;
import uk.signpost.staff.SignIn;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workspace's Feeds: each publisher's imports and contact, for curators every
 * publisher, for a publisher account only its own.
 */
class FeedsPageTest extends WebTest {

	static final String PASSWORD = "a long enough password";

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PublisherContacts contacts;

	@BeforeEach
	void directory() throws Exception {
		clear();
		Staffing.reset(this.jdbc);
		this.jdbc.update("DELETE FROM publisher_contact");
		load("council", resource("every-field.json"));
		load("charity", resource("every-field.json"));
		this.accounts.add(new StaffAccounts.NewAccount("curator@example.org", "Cal Curator", "Council", Role.CURATOR,
				Set.of(), PASSWORD), Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("pat@charity.example.org", "Pat Publisher", "Charity",
				Role.PUBLISHER, Set.of("charity"), PASSWORD), Instant.now());
	}

	@Test
	void curatorsSeeEveryPublishersImportsAndContact() throws Exception {
		MockHttpSession curator = SignIn.as(this.mvc, "curator@example.org", PASSWORD);
		String feeds = SignIn.page(this.mvc, curator, "/manage/feeds");
		assertThat(feeds).contains("href=\"/manage/feeds/council\"")
			.contains("href=\"/manage/feeds/charity\"")
			.contains("succeeded")
			.contains("aria-current=\"page\"");
		String feed = SignIn.page(this.mvc, curator, "/manage/feeds/council");
		assertThat(feed).contains("Latest imports").contains("Publisher id").contains("council");
	}

	@Test
	void aPublisherAccountSeesOnlyItsOwnFeed() throws Exception {
		MockHttpSession pat = SignIn.as(this.mvc, "pat@charity.example.org", PASSWORD);
		String feeds = SignIn.page(this.mvc, pat, "/manage/feeds");
		assertThat(feeds).contains("/manage/feeds/charity").doesNotContain("/manage/feeds/council");
		this.mvc.perform(get("/manage/feeds/council").session(pat)).andExpect(status().isNotFound());
		this.mvc.perform(get("/manage/feeds/no-such-publisher").session(pat)).andExpect(status().isNotFound());
		String own = SignIn.page(this.mvc, pat, "/manage/feeds/charity");
		this.mvc
			.perform(post("/manage/feeds/council/contact").session(pat)
				.param("_csrf", SignIn.token(own))
				.param("email", "pat@charity.example.org"))
			.andExpect(status().isNotFound());
		assertThat(this.contacts.contact("council").map(PublisherContacts.Contact::source))
			.isNotEqualTo(java.util.Optional.of(PublisherContacts.Source.WORKSPACE));
	}

	@Test
	void staffSetWhereReportsGoAndABadAddressIsSaidBesideTheField() throws Exception {
		MockHttpSession curator = SignIn.as(this.mvc, "curator@example.org", PASSWORD);
		String page = SignIn.page(this.mvc, curator, "/manage/feeds/council");
		String refused = this.mvc
			.perform(post("/manage/feeds/council/contact").session(curator)
				.param("_csrf", SignIn.token(page))
				.param("email", "not an address"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("There is a problem").contains("value=\"not an address\"");
		this.mvc
			.perform(post("/manage/feeds/council/contact").session(curator)
				.param("_csrf", SignIn.token(page))
				.param("email", " reports@council.example.org "))
			.andExpect(redirectedUrl("/manage/feeds/council"));
		assertThat(this.contacts.contact("council"))
			.contains(new PublisherContacts.Contact("reports@council.example.org", PublisherContacts.Source.WORKSPACE));
		assertThat(SignIn.page(this.mvc, curator, "/manage/feeds/council")).contains("Contact saved")
			.contains("reports@council.example.org (set in the workspace)");
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'curator@example.org'",
				String.class))
			.contains("contact-set");
		// Emptied, the feed's own organisation email speaks for it again.
		this.mvc
			.perform(post("/manage/feeds/council/contact").session(curator)
				.param("_csrf", SignIn.token(page))
				.param("email", ""))
			.andExpect(redirectedUrl("/manage/feeds/council"));
		assertThat(this.contacts.contact("council").map(PublisherContacts.Contact::source))
			.isNotEqualTo(java.util.Optional.of(PublisherContacts.Source.WORKSPACE));
	}

	@Test
	void anonymousPeopleAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/manage/feeds")).andExpect(redirectedUrl("/sign-in"));
		this.mvc.perform(get("/manage/feeds/council")).andExpect(redirectedUrl("/sign-in"));
	}

	@Test
	void aFeedsOrganisationIsItsContactOnlyWhenTheFeedIsOneOrganisations() throws Exception {
		load("one", """
				[{"id": "a", "name": "Lunch club", "status": "active",
				  "organization": {"id": "org", "name": "Age Concern", "email": "hello@age.example.org"}},
				 {"id": "b", "name": "Tea dance", "status": "active"}]""");
		assertThat(this.contacts.contact("one"))
			.contains(new PublisherContacts.Contact("hello@age.example.org", PublisherContacts.Source.FEED));
		// An aggregator's feed: neither charity is sent reports about the other's
		// services.
		load("many", """
				[{"id": "a", "name": "Lunch club", "status": "active",
				  "organization": {"id": "org1", "name": "Age Concern", "email": "hello@age.example.org"}},
				 {"id": "b", "name": "Food bank", "status": "active",
				  "organization": {"id": "org2", "name": "Food Trust", "email": "hello@food.example.org"}}]""");
		assertThat(this.contacts.contact("many")).isEmpty();
	}

}
