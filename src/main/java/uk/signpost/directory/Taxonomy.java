package uk.signpost.directory;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A named set of taxonomy terms; terms are their own aggregate, as a taxonomy can hold
 * thousands.
 */
@Table("taxonomy")
public record Taxonomy(@Id String id, String publisherId, String sourceId, String name, String description, String uri,
		String version, Instant importedAt) {

}
