package uk.signpost.feedback;

/**
 * Staff closed a report (fixed, or no change needed): the resident who left an email is
 * to be told, and their email erased. Carries only the id, so the address is never kept
 * in the event publication registry.
 */
public record ReportClosed(long id) {
}
