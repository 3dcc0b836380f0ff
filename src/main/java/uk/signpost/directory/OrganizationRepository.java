package uk.signpost.directory;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface OrganizationRepository extends Repository<Organization, String> {

	Optional<Organization> findById(String id);

	Optional<Organization> findByPublisherIdAndSourceId(String publisherId, String sourceId);

	long count();

}
