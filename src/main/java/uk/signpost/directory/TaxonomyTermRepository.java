package uk.signpost.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

public interface TaxonomyTermRepository extends Repository<TaxonomyTerm, String> {

	Optional<TaxonomyTerm> findById(String id);

	Optional<TaxonomyTerm> findByPublisherIdAndSourceId(String publisherId, String sourceId);

	List<TaxonomyTerm> findByTaxonomyId(String taxonomyId);

	long count();

	Page<TaxonomyTerm> findAllBy(Pageable pageable);

}
