package uk.signpost.directory;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One category of a taxonomy; parentId makes the tree. */
@Table("taxonomy_term")
public record TaxonomyTerm(@Id String id, String publisherId, String sourceId, String code, String name,
		String description, String parentId, String taxonomy, String taxonomyId, String language, String termUri,
		Instant importedAt) {

}
