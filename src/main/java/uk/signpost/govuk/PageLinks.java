package uk.signpost.govuk;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where each page of a list is, for templates/fragments/pagination.html: the list's own
 * address and query (its filters) with page=n.
 */
public record PageLinks(String address) {

	/**
	 * The page asked for (a query parameter), from 1 to pages; anything else is the
	 * first.
	 */
	public static int number(String page, int pages) {
		try {
			int number = page == null ? 1 : Integer.parseInt(page.strip());
			return number < 1 || number > pages ? 1 : number;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	public String pageUrl(int page) {
		return UriComponentsBuilder.fromUriString(this.address).replaceQueryParam("page", page).build().toUriString();
	}

}
