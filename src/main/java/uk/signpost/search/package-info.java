/**
 * Finding services: the Lucene index of findable services (kept in step through the
 * search backlog, ADR 0008), the queries by need, place and eligibility, and the results
 * pages.
 */
package uk.signpost.search;
