/**
 * Per-feed data quality (issue 17): after each import, a report per publisher of what the
 * ORUK validator's level-1 checks say of an API feed, whether each record was read
 * without problems, and what residents need that ORUK leaves optional (a way to contact,
 * a place, hours, who it is for, cost, a category, a recent assurance, numbers and
 * addresses that work, nothing expired, no repeated ids). Scores per check and per
 * publisher, a trend over imports, the public /publishers/{id} page, and /manage/quality
 * with the failing records and their CSV. ADR 0015 says what is checked and why.
 */
package uk.signpost.quality;
