package uk.signpost.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An ORUK service and everything that lives and dies with it. Organisation and locations
 * are aggregates of their own, referenced by id. Loading one service takes one query for
 * the root and one for each child table: no child collection nests another, so there is
 * no N+1.
 */
@Table("service")
public record Service(@Id String id, String publisherId, String sourceId, String organizationId, String name,
		String alternateName, String description, String url, String email, String status,
		String interpretationServices, String applicationProcess, String fees, String accreditations,
		String eligibilityDescription, Integer minimumAge, Integer maximumAge, LocalDate assuredDate,
		String assurerEmail, String licenses, String alert, Instant lastModified, Instant importedAt,
		Instant withdrawnAt,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<ServiceAtLocation> serviceAtLocations,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Schedule> schedules,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<ServiceArea> serviceAreas,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Language> languages,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Funding> funding,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<CostOption> costOptions,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Contact> contacts,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Phone> phones,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<RequiredDocument> requiredDocuments,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Attribute> attributes,
		@MappedCollection(idColumn = "service_id", keyColumn = "position") List<Metadata> metadata) {

	/** ORUK's status for a service that will open again: still found, and said so. */
	public static final String TEMPORARILY_CLOSED = "temporarily closed";

	/** True when the publisher says the service is closed for now. */
	public static boolean temporarilyClosed(String status) {
		return TEMPORARILY_CLOSED.equalsIgnoreCase(status == null ? null : status.strip());
	}

	/**
	 * SQL condition on the service table (under alias s) for services people can find:
	 * not withdrawn, and active or only temporarily closed.
	 */
	public static final String FINDABLE = "s.withdrawn_at IS NULL AND s.status IN ('active', '" + TEMPORARILY_CLOSED
			+ "')";

	public boolean isWithdrawn() {
		return this.withdrawnAt != null;
	}

	@Table("service_at_location")
	public record ServiceAtLocation(String id, String locationId, String description) {
	}

	/**
	 * Opening times in ORUK's RRULE-style fields; serviceAtLocationId is set for one
	 * venue's hours.
	 */
	@Table("schedule")
	public record Schedule(String id, String serviceAtLocationId, LocalDate validFrom, LocalDate validTo,
			LocalDate dtstart, Integer timezone, LocalDate until, Integer count, String wkst, String freq,
			Integer interval, String byday, String byweekno, String bymonthday, String byyearday, String description,
			java.time.LocalTime opensAt, java.time.LocalTime closesAt, String scheduleLink, String attendingType,
			String notes) {
	}

	@Table("service_area")
	public record ServiceArea(String id, String name, String description, String extent, String extentType,
			String uri) {
	}

	/**
	 * A language the service is delivered in; phoneId is set when it is one phone's
	 * language.
	 */
	@Table("language")
	public record Language(String id, String phoneId, String name, String code, String note) {
	}

	@Table("funding")
	public record Funding(String id, String source) {
	}

	@Table("cost_option")
	public record CostOption(String id, LocalDate validFrom, LocalDate validTo, String option, String currency,
			java.math.BigDecimal amount, String amountDescription) {
	}

	@Table("contact")
	public record Contact(String id, String name, String title, String department, String email) {
	}

	/** A phone of the service, or of one of its contacts when contactId is set. */
	@Table("phone")
	public record Phone(String id, String contactId, String number, String extension, String type, String description) {

		/** A number as a tel: link: digits and a leading +. */
		public static String tel(String number) {
			return "tel:" + number.replaceAll("[^0-9+]", "");
		}

	}

	@Table("required_document")
	public record RequiredDocument(String id, String document, String uri) {
	}

	/** Links the service to a taxonomy term: one of its categories. */
	@Table("attribute")
	public record Attribute(String id, String linkType, String linkEntity, String taxonomyTermId, String value,
			String label) {
	}

	@Table("metadata")
	public record Metadata(String id, String resourceId, String resourceType, LocalDate lastActionDate,
			String lastActionType, String fieldName, String previousValue, String replacementValue, String updatedBy) {
	}

}
