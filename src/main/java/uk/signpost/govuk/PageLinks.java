package uk.signpost.govuk;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where each page of a list is, for templates/fragments/pagination.html: the list's own
 * address and query (its filters) with page=n.
 */
public record PageLinks(String address) {

	public String pageUrl(int page) {
		return UriComponentsBuilder.fromUriString(this.address).replaceQueryParam("page", page).build().toUriString();
	}

}
