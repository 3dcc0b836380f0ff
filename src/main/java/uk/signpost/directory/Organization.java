package uk.signpost.directory;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

@Table("organization")
public record Organization(@Id String id, String publisherId, String sourceId, String name, String alternateName,
		String description, String email, String website, String logo, String uri, String legalStatus,
		Integer yearIncorporated, String parentOrganizationId, Instant importedAt, Instant withdrawnAt,
		@MappedCollection(idColumn = "organization_id",
				keyColumn = "position") List<OrganizationIdentifier> organizationIdentifiers) {

	@Table("organization_identifier")
	public record OrganizationIdentifier(String id, String identifierScheme, String identifierType, String identifier) {
	}

}
