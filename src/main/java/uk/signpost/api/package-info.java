/**
 * The ORUK 3.0 API under /api: the merged directory published again as JSON, with its own
 * OpenAPI description, paging, filters, ETags and gzip. Reads the directory and the
 * search index; writes nothing.
 */
package uk.signpost.api;
