package uk.signpost.govuk;

/** One line of a GOV.UK error summary: what is wrong, linking to the field. */
public record Problem(String href, String text) {
}
