package uk.signpost.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters in use and their values, in {@link Filter} order; a filter not in use has
 * no entry. Only values a filter accepts get in.
 */
public record Filters(Map<Filter, List<String>> values) {

	public static final Filters NONE = new Filters(Map.of());

	public Filters {
		EnumMap<Filter, List<String>> kept = new EnumMap<>(Filter.class);
		values.forEach((filter, asked) -> {
			List<String> accepted = filter.accept(asked);
			if (!accepted.isEmpty()) {
				kept.put(filter, List.copyOf(accepted));
			}
		});
		values = Collections.unmodifiableMap(kept);
	}

	/** Each filter's values from the parameter of its name. */
	static Filters from(Function<String, List<String>> parameters) {
		Map<Filter, List<String>> asked = new EnumMap<>(Filter.class);
		for (Filter filter : Filter.values()) {
			List<String> values = parameters.apply(filter.parameter());
			if (values != null && !values.isEmpty()) {
				asked.put(filter, values);
			}
		}
		return new Filters(asked);
	}

	public boolean has(Filter filter) {
		return this.values.containsKey(filter);
	}

	public List<String> get(Filter filter) {
		return this.values.getOrDefault(filter, List.of());
	}

	/** Its value, or the first of them; null when not in use. */
	public String first(Filter filter) {
		List<String> values = get(filter);
		return values.isEmpty() ? null : values.get(0);
	}

	public boolean any() {
		return !this.values.isEmpty();
	}

	public Set<Filter> active() {
		return this.values.keySet();
	}

	/** With these values of a filter (none, or only nulls: without it). */
	public Filters with(Filter filter, String... values) {
		Map<Filter, List<String>> changed = new EnumMap<>(Filter.class);
		changed.putAll(this.values);
		changed.put(filter, java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toList());
		return new Filters(changed);
	}

	public Filters without(Filter filter) {
		Map<Filter, List<String>> changed = new EnumMap<>(Filter.class);
		changed.putAll(this.values);
		changed.remove(filter);
		return new Filters(changed);
	}

	/** Without one value of a filter that may have several. */
	public Filters without(Filter filter, String value) {
		List<String> left = new ArrayList<>(get(filter));
		left.remove(value);
		return left.isEmpty() ? without(filter) : with(filter, left.toArray(String[]::new));
	}

}
