/**
 * Duplicates across publishers (issue 17): pairs of services from different publishers
 * that are probably the same service, found after each import by blocking on shared phone
 * numbers, email addresses, web hosts, postcodes and name words, and scored with their
 * reasons; curators confirm or reject each pair at /manage/duplicates, and nothing is
 * merged automatically. ADR 0014 says how the scoring works.
 */
package uk.signpost.duplicates;
