package uk.signpost.directory;

import java.util.Optional;

import org.springframework.data.repository.Repository;

public interface LocationRepository extends Repository<Location, String> {

	Optional<Location> findById(String id);

	Optional<Location> findByPublisherIdAndSourceId(String publisherId, String sourceId);

	long count();

}
