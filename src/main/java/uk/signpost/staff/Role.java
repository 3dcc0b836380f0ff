package uk.signpost.staff;

import java.util.Locale;

/**
 * What a staff account may do. Kept in Signpost's database for every account, never taken
 * from an identity provider's groups.
 */
public enum Role {

	/** Accounts, the audit log, and everything a curator does. */
	ADMIN,

	/** Every publisher's reports, reviews and quality. */
	CURATOR,

	/** Only the services, reports and feed of the publishers the account is given. */
	PUBLISHER;

	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The role named in a command or form ("admin"), or null for none. */
	public static Role parse(String name) {
		for (Role role : values()) {
			if (role.key().equalsIgnoreCase(name == null ? "" : name.strip())) {
				return role;
			}
		}
		return null;
	}

}
