/**
 * Page plumbing shared by the public pages: the start page, the information pages, Your
 * list, and what every page frame shows.
 */
package uk.signpost.web;
