package uk.signpost.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.signpost.directory.Emails;

/**
 * Staff accounts in the database: who may sign in, with which role and for which
 * publishers, and how many wrong passwords in a row they have given.
 */
@Component
public class StaffAccounts {

	/** Wrong passwords in a row that lock an account. */
	public static final int MOST_FAILURES = 5;

	/** How long a locked account stays locked. */
	public static final Duration LOCKED_FOR = Duration.ofMinutes(15);

	/** Long passwords beat complex ones (NCSC); this is the shortest allowed. */
	public static final int SHORTEST_PASSWORD = 12;

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwords;

	StaffAccounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.passwords = passwords;
	}

	/** An account as stored, without its password. */
	public record Account(long id, String email, String name, String organisation, Role role, boolean enabled,
			boolean hasPassword, int failedSignIns, Instant lockedUntil, Instant lastSignedIn,
			Set<String> publisherIds) {

		public boolean lockedAt(Instant now) {
			return this.lockedUntil != null && this.lockedUntil.isAfter(now);
		}

		Staff staff() {
			return new Staff(this.id, this.email, this.name, this.organisation, this.role,
					this.role == Role.PUBLISHER ? this.publisherIds : Set.of());
		}

	}

	/**
	 * What a new account needs; password may be null for sign-in through the identity
	 * provider only.
	 */
	public record NewAccount(String email, String name, String organisation, Role role, Set<String> publisherIds,
			String password) {
	}

	/** A new account that cannot be made, and why, in words for the person making it. */
	public static final class Refused extends RuntimeException {

		Refused(String message) {
			super(message);
		}

	}

	/**
	 * bcrypt reads at most 72 bytes of a password: a longer one is refused, never cut.
	 */
	public static final int LONGEST_PASSWORD_BYTES = 72;

	public static boolean passwordTooLong(String password) {
		return password != null && password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES;
	}

	public static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	public Optional<Account> find(String email) {
		return this.jdbc.query("SELECT * FROM staff_account WHERE email = ?", this::account, normalise(email))
			.stream()
			.findFirst();
	}

	/** An account by its number. */
	public Optional<Account> find(long id) {
		return this.jdbc.query("SELECT * FROM staff_account WHERE id = ?", this::account, id).stream().findFirst();
	}

	/** The signed-in person for an account that may still sign in. */
	public Optional<Staff> staff(String email) {
		return find(email).filter(Account::enabled).map(Account::staff);
	}

	/** The stored hash, for Spring Security to compare a password with; null for none. */
	String passwordHash(String email) {
		return this.jdbc
			.query("SELECT password_hash FROM staff_account WHERE email = ?", (rs, n) -> rs.getString(1),
					normalise(email))
			.stream()
			.findFirst()
			.orElse(null);
	}

	public List<Account> all() {
		return this.jdbc.query("SELECT * FROM staff_account ORDER BY email", this::account);
	}

	@Transactional
	public Account add(NewAccount account, Instant now) {
		String email = normalise(account.email());
		if (!Emails.valid(email)) {
			throw new Refused("'" + account.email() + "' is not an email address");
		}
		if (account.role() == null) {
			throw new Refused("A role is needed: admin, curator or publisher");
		}
		if (account.role() == Role.PUBLISHER && account.publisherIds().isEmpty()) {
			throw new Refused("A publisher account needs the publishers it works for (--publisher <id>)");
		}
		if (account.password() != null && account.password().length() < SHORTEST_PASSWORD) {
			throw new Refused("The password must be at least " + SHORTEST_PASSWORD + " characters");
		}
		if (passwordTooLong(account.password())) {
			throw new Refused("The password must be " + LONGEST_PASSWORD_BYTES + " characters or fewer");
		}
		if (blankTo(account.name(), "").length() > 200 || blankTo(account.organisation(), "").length() > 200) {
			throw new Refused("A name and an organisation must be 200 characters or fewer");
		}
		if (find(email).isPresent()) {
			throw new Refused("There is already an account for " + email);
		}
		String name = blankTo(account.name(), email);
		this.jdbc.update(
				"INSERT INTO staff_account (email, name, organisation, role, password_hash, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?)",
				email, name, blankTo(account.organisation(), ""), account.role().name(),
				account.password() == null ? null : this.passwords.encode(account.password()), utc(now));
		Account added = find(email).orElseThrow();
		if (account.role() == Role.PUBLISHER) {
			for (String publisher : account.publisherIds()) {
				this.jdbc.update("INSERT INTO staff_publisher (account_id, publisher_id) VALUES (?, ?)", added.id(),
						publisher.strip());
			}
		}
		return find(email).orElseThrow();
	}

	/**
	 * Stops an account signing in; its history stays. False when there is no such
	 * account.
	 */
	public boolean setEnabled(String email, boolean enabled) {
		return this.jdbc.update(
				"UPDATE staff_account SET enabled = ?, failed_sign_ins = 0, locked_until = NULL " + "WHERE email = ?",
				enabled, normalise(email)) == 1;
	}

	/**
	 * A wrong password for an account: after {@link #MOST_FAILURES} in a row it is locked
	 * for {@link #LOCKED_FOR}. True when this failure locked it.
	 */
	@Transactional
	public boolean signInFailed(String email, Instant now) {
		int updated = this.jdbc.update("UPDATE staff_account SET failed_sign_ins = failed_sign_ins + 1 WHERE email = ?",
				normalise(email));
		if (updated == 0) {
			return false;
		}
		return this.jdbc.update(
				"UPDATE staff_account SET locked_until = ?, failed_sign_ins = 0 WHERE email = ? AND failed_sign_ins >= ?",
				utc(now.plus(LOCKED_FOR)), normalise(email), MOST_FAILURES) == 1;
	}

	public void signedIn(String email, Instant now) {
		this.jdbc.update(
				"UPDATE staff_account SET failed_sign_ins = 0, locked_until = NULL, last_signed_in = ? WHERE email = ?",
				utc(now), normalise(email));
	}

	private Account account(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Set<String> publishers = new LinkedHashSet<>(this.jdbc.queryForList(
				"SELECT publisher_id FROM staff_publisher WHERE account_id = ? ORDER BY publisher_id", String.class,
				id));
		return new Account(id, rs.getString("email"), rs.getString("name"), rs.getString("organisation"),
				Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getString("password_hash") != null,
				rs.getInt("failed_sign_ins"), instant(rs.getTimestamp("locked_until")),
				instant(rs.getTimestamp("last_signed_in")), Set.copyOf(publishers));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String blankTo(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.strip();
	}

}
