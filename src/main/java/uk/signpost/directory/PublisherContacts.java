package uk.signpost.directory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;

/**
 * Who to tell about a publisher's services (problem reports, reviews due): the contact
 * set for its feed in the settings (signpost.feeds[].contact-email), else the one staff
 * set in the workspace, else the feed's own organization.email. One rule for every
 * feature that writes to publishers.
 */
@Component
public class PublisherContacts {

	/** A contact and where it came from. */
	public record Contact(String email, Source source) {
	}

	public enum Source {

		SETTINGS, WORKSPACE, FEED

	}

	private final JdbcTemplate jdbc;

	private final SignpostProperties properties;

	PublisherContacts(JdbcTemplate jdbc, SignpostProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	public Optional<Contact> contact(String publisherId) {
		for (SignpostProperties.Feed feed : this.properties.getFeeds()) {
			if (publisherId.equals(feed.getName()) && feed.getContactEmail() != null
					&& !feed.getContactEmail().isBlank()) {
				return Optional.of(new Contact(feed.getContactEmail().strip(), Source.SETTINGS));
			}
		}
		Optional<Contact> set = this.jdbc
			.queryForList("SELECT email FROM publisher_contact WHERE publisher_id = ?", String.class, publisherId)
			.stream()
			.findFirst()
			.map(email -> new Contact(email, Source.WORKSPACE));
		if (set.isPresent()) {
			return set;
		}
		// The feed's own organisation, only when the feed's services name one
		// organisation
		// (services that name none do not count): in a feed of many organisations, one of
		// them must never receive reports about the others' services.
		List<String> emails = this.jdbc.query("""
				SELECT o.id, o.email FROM service s JOIN organization o ON o.id = s.organization_id
				WHERE s.publisher_id = ? GROUP BY o.id, o.email FETCH FIRST 2 ROWS ONLY""",
				(rs, n) -> rs.getString(2) == null ? "" : rs.getString(2).strip(), publisherId);
		return emails.size() == 1 && Emails.valid(emails.get(0)) ? Optional.of(new Contact(emails.get(0), Source.FEED))
				: Optional.empty();
	}

	/** The contact staff set in the workspace; null or blank removes it. */
	public void set(String publisherId, String email, Instant now) {
		this.jdbc.update("DELETE FROM publisher_contact WHERE publisher_id = ?", publisherId);
		if (email != null && !email.isBlank()) {
			this.jdbc.update("INSERT INTO publisher_contact (publisher_id, email, updated_at) VALUES (?, ?, ?)",
					publisherId, email.strip(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
		}
	}

}
