/**
 * Places: postcodes, outward codes and towns, from the directory's own addresses and the
 * official open files a council adds, and the distances between them.
 */
package uk.signpost.geo;
