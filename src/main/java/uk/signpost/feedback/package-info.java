/**
 * "Report a problem with this service": residents' reports, kept for curators, with a
 * limit on how many one client may send.
 */
package uk.signpost.feedback;
