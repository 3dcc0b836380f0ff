package uk.signpost.govuk;

/**
 * One radio, checkbox or select option: its id on the page, the parameter it sends (for
 * checkboxes, each may send its own), its value and label, and whether it is chosen.
 */
public record Choice(String id, String name, String value, String label, boolean checked) {
}
