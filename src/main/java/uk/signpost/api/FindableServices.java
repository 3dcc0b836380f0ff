package uk.signpost.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import uk.signpost.directory.DirectoryChanged;
import uk.signpost.directory.DirectoryStamp;
import uk.signpost.directory.Service;

/**
 * Every findable service's id in id order, with a running count of their locations, held
 * in memory between imports. An unfiltered page of /services or /service_at_locations is
 * then a slice of a list: asking the index for page 1,900 meant ranking 95,000 services
 * first.
 */
@Component
class FindableServices {

	/**
	 * ids in order; locationsBefore[i] is how many locations the services before i have.
	 */
	record Snapshot(List<String> ids, long[] locationsBefore) {

		long locations() {
			return this.locationsBefore[this.ids.size()];
		}

		/** The index of the service that holds location number n (from 0) of the list. */
		int serviceHolding(long n) {
			int at = Arrays.binarySearch(this.locationsBefore, n);
			if (at < 0) {
				return -at - 2;
			}
			// Services with no locations share a running count: take the last of them.
			while (at + 1 < this.ids.size() && this.locationsBefore[at + 1] == n) {
				at++;
			}
			return at;
		}

	}

	private final JdbcTemplate jdbc;

	private final DirectoryStamp stamp;

	private volatile Snapshot snapshot;

	/**
	 * The directory's stamp when the snapshot was read: an import on another node changes
	 * it.
	 */
	private volatile Object snapshotStamp;

	FindableServices(JdbcTemplate jdbc, DirectoryStamp stamp) {
		this.jdbc = jdbc;
		this.stamp = stamp;
	}

	@EventListener
	void onImport(DirectoryChanged change) {
		this.snapshot = null;
	}

	Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Object stamp = this.stamp.current();
		if (current == null || !stamp.equals(this.snapshotStamp)) {
			current = load();
			this.snapshot = current;
			this.snapshotStamp = stamp;
		}
		return current;
	}

	private Snapshot load() {
		List<String> ids = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		this.jdbc.query("SELECT s.id, (SELECT COUNT(*) FROM service_at_location sal WHERE sal.service_id = s.id) "
				+ "FROM service s WHERE " + Service.FINDABLE + " ORDER BY s.id", rs -> {
					ids.add(rs.getString(1));
					counts.add(rs.getInt(2));
				});
		long[] before = new long[ids.size() + 1];
		for (int i = 0; i < counts.size(); i++) {
			before[i + 1] = before[i] + counts.get(i);
		}
		return new Snapshot(List.copyOf(ids), before);
	}

}
