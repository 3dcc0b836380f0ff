/**
 * GOV.UK Design System components as view models: what the fragments in
 * templates/fragments/govuk/ draw (error summary, radios, checkboxes, select, text input,
 * summary list, tag). A page's view model builds them with its words already resolved
 * from messages; every feature may use them, and they use no feature.
 */
package uk.signpost.govuk;
