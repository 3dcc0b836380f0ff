package uk.signpost.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface TaxonomyRepository extends Repository<Taxonomy, String> {

	Optional<Taxonomy> findById(String id);

	List<Taxonomy> findAll();

	Page<Taxonomy> findAllBy(Pageable pageable);

}
