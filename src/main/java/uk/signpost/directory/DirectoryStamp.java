package uk.signpost.directory;

import java.time.Duration;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells what is kept in memory from the directory that another node has changed it:
 * {@link DirectoryChanged} reaches only the node that imported, so whatever is read once
 * and kept (the API's findable services, the towns every page's hints name) also compares
 * this stamp, every publisher's last import, read at most every {@link #CHECK_EVERY}.
 */
@Component
public class DirectoryStamp {

	static final Duration CHECK_EVERY = Duration.ofSeconds(5);

	private final JdbcTemplate jdbc;

	private volatile List<String> stamp;

	private volatile long checkedAt;

	DirectoryStamp(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Equal to an earlier answer while no import has finished since, on any node. */
	public Object current() {
		long now = System.nanoTime();
		List<String> current = this.stamp;
		if (current == null || now - this.checkedAt > CHECK_EVERY.toNanos()) {
			current = List.copyOf(this.jdbc.queryForList(
					"SELECT id || ' ' || COALESCE(CAST(last_imported_at AS VARCHAR(40)), '') FROM publisher ORDER BY id",
					String.class));
			this.stamp = current;
			this.checkedAt = now;
		}
		return current;
	}

}
