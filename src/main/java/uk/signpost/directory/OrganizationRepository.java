package uk.signpost.directory;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface OrganizationRepository extends Repository<Organization, String> {

	Optional<Organization> findById(String id);

	Optional<Organization> findByPublisherIdAndSourceId(String publisherId, String sourceId);

	long count();

	/** Organisations still published, a page at a time. */
	Page<Organization> findByWithdrawnAtIsNull(Pageable pageable);

}
