package uk.signpost.directory;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A place where services are delivered: physical, postal or virtual. */
@Table("location")
public record Location(@Id String id, String publisherId, String sourceId, String organizationId, String locationType,
		String url, String name, String alternateName, String description, String transportation, Double latitude,
		Double longitude, String externalIdentifier, String externalIdentifierType, Instant importedAt,
		Instant withdrawnAt,
		@MappedCollection(idColumn = "location_id", keyColumn = "position") List<Address> addresses,
		@MappedCollection(idColumn = "location_id", keyColumn = "position") List<Accessibility> accessibility) {

	@Table("address")
	public record Address(String id, String attention, @Column("address_1") String address1,
			@Column("address_2") String address2, String city, String region, String stateProvince, String postalCode,
			String country, String addressType) {
	}

	@Table("accessibility")
	public record Accessibility(String id, String description, String details, String url) {
	}

}
