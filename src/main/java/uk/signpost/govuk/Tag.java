package uk.signpost.govuk;

/** A GOV.UK tag: its words and colour (green, turquoise, orange, blue, grey ...). */
public record Tag(String text, String colour) {
}
