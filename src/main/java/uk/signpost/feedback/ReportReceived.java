package uk.signpost.feedback;

/**
 * A resident's report was stored: its publisher's contact is to be told. Published in the
 * transaction that stores it and kept in Spring Modulith's event publication registry
 * until handled, so a report is emailed even if the site stops first.
 */
public record ReportReceived(long id) {
}
