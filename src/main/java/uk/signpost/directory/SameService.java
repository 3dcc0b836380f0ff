package uk.signpost.directory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which records of different publishers a curator confirmed describe the same service
 * (issue 17). The pairs belong to duplicates, which depends on directory: directory only
 * declares the question and duplicates answers it (a bean), as with
 * {@link ReportedProblems}. Without an answer every record stands alone.
 */
public interface SameService {

	/**
	 * The findable copies of one service, the lead first: the most recently checked
	 * ({@link Checked}), which the search page and the service page show.
	 */
	record Group(String lead, List<String> members) {

		/** Whether this copy is led by another, so the search page leaves it out. */
		public boolean follows(String id) {
			return !this.lead.equals(id) && this.members.contains(id);
		}

		/** The copies other than id, in the group's order. */
		public List<String> others(String id) {
			return this.members.stream().filter(m -> !m.equals(id)).toList();
		}

	}

	/**
	 * The group of each of these services that is in one with another findable copy,
	 * keyed by the service's id; the rest are left out.
	 */
	Map<String, Group> groups(Collection<String> serviceIds);

	/**
	 * Every service confirmed as the same as one of these, directly or through others,
	 * findable or not, these included: what to look at again when one of them changes, as
	 * a group's lead may change with it.
	 */
	Set<String> related(Collection<String> serviceIds);

}
