package uk.signpost.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether someone has reported a problem with a service that is still being checked, for
 * its page's notice. The reports belong to feedback, which depends on directory:
 * directory only declares the question and feedback answers it (a bean), so Spring
 * Modulith sees no cycle. Without an answer the page shows no notice.
 */
public interface ReportedProblems {

	/**
	 * When the earliest report still open about this service was made, if there is one.
	 */
	Optional<Instant> openSince(String serviceId);

}
