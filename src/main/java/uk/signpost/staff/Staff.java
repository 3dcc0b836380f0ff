package uk.signpost.staff;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import uk.signpost.directory.Publisher;

/**
 * The person signed in to the workspace, as their account says now: a disabled account
 * stops working at its next request, and a changed role or scope applies at once.
 *
 * @param publisherIds the publishers a publisher account may see (empty for admins and
 * curators, who see every publisher)
 */
public record Staff(long id, String email, String name, String organisation, Role role, Set<String> publisherIds) {

	static final String ATTRIBUTE = Staff.class.getName();

	/** Who is signed in for this request, or null on a public page or before sign-in. */
	public static Staff current(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof Staff staff ? staff : null;
	}

	/** Whether this person may see a publisher's services, reports and feed. */
	public boolean sees(String publisherId) {
		return this.role != Role.PUBLISHER || this.publisherIds.contains(publisherId);
	}

	/** Of these publishers, those this person may see, by name. */
	public List<Publisher> visible(Collection<Publisher> publishers) {
		return publishers.stream()
			.filter(p -> sees(p.id()))
			.sorted(Comparator.comparing(Publisher::name).thenComparing(Publisher::id))
			.toList();
	}

	/** The publishers to limit a list to, or null for every publisher. */
	public Set<String> scope() {
		return this.role == Role.PUBLISHER ? this.publisherIds : null;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** "Sam Patel, Lancashire County Council": how a check or a note names who did it. */
	public String signature() {
		return this.name + ", " + this.organisation;
	}

}
