package uk.signpost.duplicates;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.signpost.directory.DirectoryChanged;
import uk.signpost.directory.Service;

/**
 * The candidate pairs in duplicate_pair, found again after every import, off the import's
 * own thread. Finding them again replaces the candidates' scores and reasons and drops
 * candidates no longer found, but never a curator's decision: a pair confirmed or
 * rejected stays so across re-imports, keyed by the two services' Signpost ids.
 */
@Component
public class DuplicatePairs {

	private static final Logger log = LoggerFactory.getLogger(DuplicatePairs.class);

	/** A pair's state: found, or decided by a curator. */
	public enum State {

		CANDIDATE, CONFIRMED, REJECTED;

		String key() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		static State of(String key) {
			return valueOf(key.toUpperCase(java.util.Locale.ROOT));
		}

	}

	/** A stored pair; serviceA is the smaller id. */
	public record Pair(String serviceA, String serviceB, double score, String reasons, State state) {
	}

	/** What one run found, and how long it took. */
	public record Run(int services, long compared, int candidates, Duration took) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final AtomicBoolean again = new AtomicBoolean();

	private final boolean afterImport;

	DuplicatePairs(JdbcTemplate jdbc, TransactionTemplate transactions,
			@Value("${signpost.duplicates.after-import:true}") boolean afterImport) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.afterImport = afterImport;
	}

	/**
	 * After an import, on a thread of its own; imports in quick succession (one per
	 * publisher) are caught up with by one more run, not one each.
	 */
	@Async
	@EventListener
	void onImport(DirectoryChanged change) {
		if (!this.afterImport || !this.again.compareAndSet(false, true)) {
			return;
		}
		try {
			Run run = detect();
			log.info("Duplicates: {} candidate pairs among {} services ({} compared) in {} ms", run.candidates(),
					run.services(), run.compared(), run.took().toMillis());
		}
		catch (RuntimeException ex) {
			// The next import finds them again; nothing a resident sees depends on it.
			log.warn("Finding duplicates failed", ex);
		}
	}

	/** Finds the candidates among the findable services now, and stores them. */
	public synchronized Run detect() {
		this.again.set(false);
		long start = System.nanoTime();
		List<Listing> listings = listings();
		Detection.Result result = Detection.detect(listings, Scoring.THRESHOLD);
		this.transactions.executeWithoutResult(status -> store(result.found()));
		return new Run(listings.size(), result.compared(), result.found().size(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private void store(List<Detection.Found> found) {
		Map<String, State> existing = new HashMap<>();
		this.jdbc.query("SELECT service_a, service_b, state FROM duplicate_pair", (RowCallbackHandler) rs -> existing
			.put(rs.getString(1) + " " + rs.getString(2), State.of(rs.getString(3))));
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		for (Detection.Found pair : found) {
			String reasons = Reason.store(pair.scored().reasons());
			double score = Math.round(pair.scored().score() * 1000) / 1000.0;
			if (existing.remove(pair.a().id() + " " + pair.b().id()) == null) {
				inserts.add(new Object[] { pair.a().id(), pair.b().id(), score, reasons, now });
			}
			else {
				updates.add(new Object[] { score, reasons, pair.a().id(), pair.b().id() });
			}
		}
		List<Object[]> gone = new ArrayList<>();
		existing.forEach((key, state) -> {
			if (state == State.CANDIDATE) {
				gone.add(key.split(" "));
			}
		});
		this.jdbc.batchUpdate(
				"DELETE FROM duplicate_pair WHERE service_a = ? AND service_b = ? AND state = 'candidate'", gone);
		this.jdbc.batchUpdate("UPDATE duplicate_pair SET score = ?, reasons = ? WHERE service_a = ? AND service_b = ?",
				updates);
		this.jdbc.batchUpdate("INSERT INTO duplicate_pair (service_a, service_b, score, reasons, state, found_at) "
				+ "VALUES (?, ?, ?, ?, 'candidate', ?)", inserts);
	}

	/** Every findable service as detection sees it, read in three queries. */
	private List<Listing> listings() {
		Map<String, Listing.Builder> builders = new LinkedHashMap<>();
		this.jdbc.query("SELECT s.id, s.publisher_id, s.name, s.alternate_name, s.email, s.url, o.name, "
				+ "o.alternate_name, o.website FROM service s LEFT JOIN organization o ON o.id = s.organization_id "
				+ "WHERE " + Service.FINDABLE, rs -> {
					builders.put(rs.getString(1),
							new Listing.Builder(rs.getString(1), rs.getString(2)).name(rs.getString(3))
								.name(rs.getString(4))
								.email(rs.getString(5))
								.website(rs.getString(6))
								.organisation(rs.getString(7))
								.organisation(rs.getString(8)));
				});
		this.jdbc.query("SELECT p.service_id, p.number FROM phone p WHERE p.contact_id IS NULL", rs -> {
			Listing.Builder builder = builders.get(rs.getString(1));
			if (builder != null) {
				builder.phone(rs.getString(2));
			}
		});
		this.jdbc.query(
				"SELECT sal.service_id, l.latitude, l.longitude, a.postal_code FROM service_at_location sal "
						+ "JOIN location l ON l.id = sal.location_id LEFT JOIN address a ON a.location_id = l.id",
				rs -> {
					Listing.Builder builder = builders.get(rs.getString(1));
					if (builder != null) {
						builder.venue(rs.getObject(2, Double.class), rs.getObject(3, Double.class), rs.getString(4));
					}
				});
		return builders.values().stream().map(Listing.Builder::build).toList();
	}

	/** The stored pairs in a state, the likeliest first. */
	public List<Pair> inState(State state, int offset, int limit) {
		return this.jdbc.query(
				"SELECT * FROM duplicate_pair WHERE state = ? ORDER BY score DESC, service_a, service_b "
						+ "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, n) -> new Pair(rs.getString("service_a"), rs.getString("service_b"), rs.getDouble("score"),
						rs.getString("reasons"), State.of(rs.getString("state"))),
				state.key(), offset, limit);
	}

	/** How many pairs are in each state. */
	public Map<State, Long> counts() {
		Map<State, Long> counts = new LinkedHashMap<>();
		for (State state : State.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("SELECT state, COUNT(*) FROM duplicate_pair GROUP BY state",
				(RowCallbackHandler) rs -> counts.put(State.of(rs.getString(1)), rs.getLong(2)));
		return counts;
	}

	/** Every stored pair, whatever its state (for measuring). */
	public List<Pair> all() {
		return this.jdbc.query("SELECT * FROM duplicate_pair",
				(rs, n) -> new Pair(rs.getString("service_a"), rs.getString("service_b"), rs.getDouble("score"),
						rs.getString("reasons"), State.of(rs.getString("state"))));
	}

	/**
	 * One side of a pair as a curator compares it: its first venue's address and its
	 * first phone number as the publisher wrote them.
	 */
	public record Side(String id, String name, String publisherId, String publisherName, String address, String phone,
			LocalDate assured, LocalDate lastModified) {
	}

	/** The sides of the given services that are still in the directory, by id. */
	public Map<String, Side> sides(Collection<String> ids) {
		Map<String, Side> sides = new HashMap<>();
		if (ids.isEmpty()) {
			return sides;
		}
		String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
		this.jdbc.query(
				"SELECT s.id, s.name, s.publisher_id, p.name, s.assured_date, s.last_modified, "
						+ "(SELECT ph.number FROM phone ph WHERE ph.service_id = s.id AND ph.contact_id IS NULL "
						+ "ORDER BY ph.position FETCH FIRST 1 ROWS ONLY), "
						+ "(SELECT CONCAT_WS(', ', a.address_1, a.city, a.postal_code) FROM service_at_location sal "
						+ "JOIN address a ON a.location_id = sal.location_id WHERE sal.service_id = s.id "
						+ "ORDER BY sal.position, a.position FETCH FIRST 1 ROWS ONLY) "
						+ "FROM service s JOIN publisher p ON p.id = s.publisher_id WHERE s.id IN (" + in + ")",
				(RowCallbackHandler) rs -> sides.put(rs.getString(1),
						new Side(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(8),
								rs.getString(7), rs.getObject(5, LocalDate.class),
								rs.getObject(6, OffsetDateTime.class) == null ? null
										: rs.getObject(6, OffsetDateTime.class).toLocalDate())),
				ids.toArray());
		return sides;
	}

	/**
	 * Records a curator's decision; false when there is no such pair. Both services go on
	 * the search backlog in the same transaction (ADR 0008): the index re-reads them with
	 * every copy of the same service, so a confirmed group shows once and a rejected one
	 * splits again (ADR 0016).
	 */
	boolean decide(String serviceA, String serviceB, State state, String by, Instant at) {
		return Boolean.TRUE.equals(this.transactions.execute(status -> {
			boolean decided = this.jdbc.update(
					"UPDATE duplicate_pair SET state = ?, decided_by = ?, decided_at = ? WHERE service_a = ? AND service_b = ?",
					state.key(), by, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), serviceA, serviceB) == 1;
			if (decided) {
				this.jdbc.update("INSERT INTO search_backlog (service_id) VALUES (?), (?)", serviceA, serviceB);
			}
			return decided;
		}));
	}

}
