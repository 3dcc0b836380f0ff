package uk.signpost.directory;

/**
 * Published after anything has written to the directory (every import run, failed ones
 * too, as a failed run may have committed some batches), for whatever is kept in step
 * with it: the search index, the gazetteer, the API's list of findable services.
 */
public record DirectoryChanged(String publisherId) {
}
