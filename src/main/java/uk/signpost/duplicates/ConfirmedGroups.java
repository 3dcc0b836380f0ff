package uk.signpost.duplicates;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import uk.signpost.directory.Checked;
import uk.signpost.directory.InList;
import uk.signpost.directory.SameService;
import uk.signpost.directory.Service;
import uk.signpost.directory.ServiceChecks;
import uk.signpost.directory.Validity;

/**
 * The groups curators' confirmed pairs make (answers directory.SameService): A = B and B
 * = C is one service, A, B and C. Only findable copies are in a group, but a withdrawn
 * copy still joins the others it was confirmed with. The lead is the copy most recently
 * checked ({@link Checked}); on the same day, the smaller id, so every page and the index
 * agree.
 */
@Component
class ConfirmedGroups implements SameService {

	private final JdbcTemplate jdbc;

	private final ServiceChecks checks;

	ConfirmedGroups(JdbcTemplate jdbc, ServiceChecks checks) {
		this.jdbc = jdbc;
		this.checks = checks;
	}

	@Override
	public Map<String, Group> groups(Collection<String> serviceIds) {
		Map<String, Set<String>> components = components(confirmed());
		Set<String> wanted = new LinkedHashSet<>();
		serviceIds.stream().map(components::get).filter(c -> c != null).forEach(wanted::addAll);
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Map<String, LocalDate> checked = checked(wanted);
		Map<Set<String>, Group> byComponent = new IdentityHashMap<>();
		Map<String, Group> groups = new HashMap<>();
		for (String id : serviceIds) {
			Set<String> component = components.get(id);
			if (component != null) {
				Group group = byComponent.computeIfAbsent(component, c -> group(c, checked));
				if (group != null && group.members().contains(id)) {
					groups.put(id, group);
				}
			}
		}
		return groups;
	}

	@Override
	public Set<String> related(Collection<String> serviceIds) {
		Map<String, Set<String>> components = components(confirmed());
		Set<String> related = new LinkedHashSet<>(serviceIds);
		serviceIds.stream().map(components::get).filter(c -> c != null).forEach(related::addAll);
		return related;
	}

	private List<String[]> confirmed() {
		return this.jdbc.query("SELECT service_a, service_b FROM duplicate_pair WHERE state = ?",
				(rs, n) -> new String[] { rs.getString(1), rs.getString(2) }, DuplicatePairs.State.CONFIRMED.key());
	}

	/**
	 * Each service in a confirmed pair, with every service it is confirmed as the same
	 * as, directly or through others (itself included); one set per group, shared.
	 */
	static Map<String, Set<String>> components(List<String[]> pairs) {
		Map<String, Set<String>> of = new HashMap<>();
		for (String[] pair : pairs) {
			Set<String> a = of.computeIfAbsent(pair[0], id -> new TreeSet<>(List.of(id)));
			Set<String> b = of.computeIfAbsent(pair[1], id -> new TreeSet<>(List.of(id)));
			if (a != b) {
				Set<String> into = a.size() >= b.size() ? a : b;
				Set<String> from = into == a ? b : a;
				into.addAll(from);
				from.forEach(id -> of.put(id, into));
			}
		}
		return of;
	}

	/**
	 * The group of a component's findable copies (the keys of checked, with the day each
	 * was last checked, or null), the most recently checked first; null for fewer than
	 * two.
	 */
	static Group group(Set<String> component, Map<String, LocalDate> checked) {
		List<String> members = new ArrayList<>(component.stream().filter(checked::containsKey).toList());
		if (members.size() < 2) {
			return null;
		}
		members
			.sort(Comparator.comparing((String id) -> checked.get(id), Comparator.nullsLast(Comparator.reverseOrder()))
				.thenComparing(Comparator.naturalOrder()));
		return new Group(members.get(0), List.copyOf(members));
	}

	/**
	 * The findable ones of these services, with the day each was last checked or null.
	 */
	private Map<String, LocalDate> checked(Set<String> ids) {
		Map<String, ServiceChecks.Check> recorded = this.checks.latest(ids);
		Map<String, LocalDate> checked = new HashMap<>();
		for (List<String> chunk : InList.chunks(ids)) {
			this.jdbc.query("SELECT s.id, s.assured_date, s.last_modified FROM service s WHERE " + Service.FINDABLE
					+ " AND s.id IN (" + InList.placeholders(chunk.size()) + ")", (RowCallbackHandler) rs -> {
						ServiceChecks.Check check = recorded.get(rs.getString(1));
						OffsetDateTime modified = rs.getObject(3, OffsetDateTime.class);
						checked.put(rs.getString(1), Checked.date(rs.getObject(2, LocalDate.class),
								check == null ? null : check.date(),
								modified == null ? null : modified.atZoneSameInstant(Validity.UK).toLocalDate()));
					}, chunk.toArray());
		}
		return checked;
	}

}
