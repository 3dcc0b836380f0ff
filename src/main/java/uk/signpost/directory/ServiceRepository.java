package uk.signpost.directory;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Reads services; the importer writes them (see uk.signpost.ingest.DirectoryWriter). */
public interface ServiceRepository extends Repository<Service, String> {

	Optional<Service> findById(String id);

	Optional<Service> findByPublisherIdAndSourceId(String publisherId, String sourceId);

	long count();

	@Query("SELECT COUNT(*) FROM service WHERE withdrawn_at IS NULL")
	long countActive();

}
