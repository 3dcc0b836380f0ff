package uk.signpost.directory;

import org.springframework.data.repository.ListCrudRepository;

public interface PublisherRepository extends ListCrudRepository<Publisher, String> {

}
