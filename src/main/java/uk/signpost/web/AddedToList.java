package uk.signpost.web;

import java.util.List;

/**
 * Services were added to someone's list (only those not in it already), for the analytics
 * that listen. Who added them is not known: the list lives in their browser.
 */
public record AddedToList(List<String> serviceIds) {
}
