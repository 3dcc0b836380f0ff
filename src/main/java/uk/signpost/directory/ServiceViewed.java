package uk.signpost.directory;

/**
 * A service's page was shown, for the analytics that listen.
 *
 * @param fromSearch the query string of the results the person came from (to count which
 * needs lead to which services), or null; the listener keeps only the need
 */
public record ServiceViewed(String serviceId, String publisherId, String fromSearch) {
}
