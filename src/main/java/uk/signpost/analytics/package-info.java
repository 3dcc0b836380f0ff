/**
 * How the site is used, for councils: searches, service views, contact clicks and list
 * additions, recorded with no cookie and nothing about who (no internet address, no
 * browser, no full postcode), kept raw for a while and as daily totals for good; the
 * workspace's Analytics page and its CSV downloads. The features it counts publish small
 * events ({@code search.Searched}, {@code directory.ServiceViewed},
 * {@code directory.ContactClicked}, {@code web.AddedToList}) and never depend on it.
 */
package uk.signpost.analytics;
