/**
 * Importing publishers' ORUK feeds (files, folders, APIs) into the directory: checked,
 * then written in batches, with guards against feeds that would withdraw or half-write a
 * directory (docs/importing.md).
 */
package uk.signpost.ingest;
