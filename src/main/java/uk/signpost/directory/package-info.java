/**
 * The ORUK records (services, organisations, locations, taxonomy terms) as stored, the
 * rules about them, and the service page. Every other feature reads the directory through
 * here; only the importer writes it. Publishes
 * {@link uk.signpost.directory.DirectoryChanged}.
 */
package uk.signpost.directory;
