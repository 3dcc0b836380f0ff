package uk.signpost.demo;

/**
 * Whose words the demo directory is written in. The synonym list was written beside the
 * council's words; a directory in another publisher's words shows whether it holds up for
 * feeds it was not written against (issue 15). The taxonomy (categories and terms) is the
 * same in both, so a service's need is known whoever wrote it.
 */
public enum Voice {

	/**
	 * A council's directory in plain words ("Emergency Food Parcels", "Debt Advice"): the
	 * default demo directory.
	 */
	COUNCIL,

	/**
	 * The providers' own listings, as NHS trusts and charities write them ("Emergency
	 * Food Provision", "Welfare Benefits Casework", "Talking Therapies (IAPT)", "Carers'
	 * Hub").
	 */
	PROVIDER

}
