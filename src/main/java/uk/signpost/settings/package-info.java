/**
 * Signpost's settings, under "signpost." in application.yml: read by every feature,
 * depending on none.
 */
package uk.signpost.settings;
