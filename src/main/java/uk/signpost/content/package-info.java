/**
 * The words content designers and curators own, kept in content/ as plain files with no
 * Java (Markdown pages, the needs to browse, the search lists, the interface text), and a
 * council's own copies of any of them from signpost.content-dir, without rebuilding.
 */
package uk.signpost.content;
