package uk.signpost.directory;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A feed's owner: a council, NHS body or charity whose ORUK records Signpost takes in.
 */
@Table("publisher")
public record Publisher(@Id String id, String name, String url, Instant createdAt, Instant lastImportedAt,
		@Transient boolean isNew) implements Persistable<String> {

	public Publisher(String id, String name, String url, Instant createdAt, Instant lastImportedAt) {
		this(id, name, url, createdAt, lastImportedAt, false);
	}

	public static Publisher create(String id, String name, String url, Instant now) {
		return new Publisher(id, name, url, now, null, true);
	}

	@Override
	public String getId() {
		return this.id;
	}

}
