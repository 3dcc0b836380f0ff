package uk.signpost.govuk;

/**
 * A text input or textarea with its label, hint and error message (hint and error may be
 * null). width is GOV.UK's width class suffix ("20", "3") or null for the full width;
 * type, inputmode and autocomplete are HTML's (a field with autocomplete is not spell
 * checked: postcodes, email addresses).
 */
public record Field(String id, String name, String type, String label, String hint, String value, String error,
		String width, String inputmode, String autocomplete) {

	public Field {
		type = type == null ? "text" : type;
	}

	/** The ids the input is described by: its hint and its error. */
	public String describedBy() {
		return describedBy(this.id, this.hint, this.error);
	}

	static String describedBy(String id, String hint, String error) {
		String ids = (hint == null ? "" : id + "-hint") + (error == null ? "" : " " + id + "-error");
		return ids.isBlank() ? null : ids.strip();
	}

}
