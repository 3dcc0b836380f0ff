package uk.signpost.search;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * The search page's filters, each defined once: the parameter it has in the address, the
 * values it accepts, how the page offers it, how it is counted, the index field and
 * clause it searches with, and where its words are (filter.&lt;parameter&gt;.* in
 * content/messages.properties: legend, any, option.&lt;value&gt;, tag, relax). The form,
 * the query, the counts, the relaxations, the selected-filter links and the page's
 * controls all follow from this. Adding a filter is a constant here, its index field in
 * {@link ServiceDocument}, its words and a test.
 */
public enum Filter {

	CATEGORY("category", Control.RADIOS, Counted.IN_FACETS, Filter::one, null,
			(f, values, slot) -> f.match().field("category").matching(values.get(0)), d -> d.category),

	AGE("age", Control.NUMBER, Counted.NOT, Filter::age, null,
			(f, values, slot) -> f.bool()
				.filter(f.range().field("minimumAge").atMost(Integer.parseInt(values.get(0))))
				.filter(f.range().field("maximumAge").atLeast(Integer.parseInt(values.get(0)))),
			null),

	DELIVERY("delivery", Control.CHECKBOXES, Counted.IN_FACETS, values -> among(values, Delivery.ALL, true),
			Delivery.ALL, (f, values, slot) -> f.terms().field("delivery").matchingAny(values), d -> d.delivery),

	FREE("free", Control.YES, Counted.IN_FACETS, Filter::yes, null,
			(f, values, slot) -> f.match().field("free").matching(true), d -> d.free ? List.of("true") : List.of()),

	/**
	 * Counted by a query of its own: counting it in the facet field would mean indexing
	 * every open quarter-hour there.
	 */
	OPEN("open", Control.YES, Counted.OWN_QUERY, Filter::yes, null,
			(f, values, slot) -> f.match().field("openSlot").matching(slot), null),

	WHEELCHAIR("wheelchair", Control.YES, Counted.IN_FACETS, Filter::yes, null,
			(f, values, slot) -> f.match().field("wheelchair").matching(true),
			d -> d.wheelchair ? List.of("true") : List.of()),

	DAY("day", Control.SELECT, Counted.IN_FACETS, values -> among(values, ServiceDocuments.DAY_NAMES, false),
			ServiceDocuments.DAY_NAMES, (f, values, slot) -> f.match().field("openDay").matching(values.get(0)),
			d -> d.openDay),

	LANGUAGE("language", Control.SELECT, Counted.IN_FACETS, Filter::one, null,
			(f, values, slot) -> f.match().field("language").matching(values.get(0)), d -> d.language);

	/** How the page offers a filter. */
	public enum Control {

		/** One of its options, or any. */
		RADIOS,
		/** Any of its options. */
		CHECKBOXES,
		/** One of its options from a list, or any. */
		SELECT,
		/** A number typed in. */
		NUMBER,
		/**
		 * Yes or not asked: a checkbox of its own, grouped with the other yes filters.
		 */
		YES

	}

	/** How the counts beside a filter's options are found. */
	enum Counted {

		/** From the one pass over the facet field that counts every filter not in use. */
		IN_FACETS,
		/** By a query of its own. */
		OWN_QUERY,
		/** Not counted. */
		NOT

	}

	/** A filter's clause: its values, and the quarter-hour of the week it is now. */
	interface Clause {

		PredicateFinalStep of(SearchPredicateFactory f, List<String> values, int slot);

	}

	static final String TRUE = "true";

	private static final List<String> YES = List.of(TRUE);

	/** Ages people are asked for. */
	static final int OLDEST = 130;

	private final String parameter;

	private final Control control;

	private final Counted counted;

	private final UnaryOperator<List<String>> accept;

	private final List<String> options;

	private final Clause clause;

	private final Function<ServiceDocument, Collection<String>> indexed;

	Filter(String parameter, Control control, Counted counted, UnaryOperator<List<String>> accept, List<String> options,
			Clause clause, Function<ServiceDocument, Collection<String>> indexed) {
		this.parameter = parameter;
		this.control = control;
		this.counted = counted;
		this.accept = accept;
		this.options = options;
		this.clause = clause;
		this.indexed = indexed;
	}

	/** Its name in the address and in messages.properties. */
	public String parameter() {
		return this.parameter;
	}

	public Control control() {
		return this.control;
	}

	Counted counted() {
		return this.counted;
	}

	/**
	 * The options offered whatever the counts, in this order; null when the options are
	 * the values the directory has, most services first.
	 */
	List<String> options() {
		return this.control == Control.YES ? YES : this.options;
	}

	/** The values it keeps of those asked: none when none is one it takes. */
	List<String> accept(List<String> asked) {
		List<String> present = asked.stream().map(SearchForm::typed).filter(java.util.Objects::nonNull).toList();
		return present.isEmpty() ? List.of() : this.accept.apply(present);
	}

	PredicateFinalStep clause(SearchPredicateFactory f, List<String> values, int slot) {
		return this.clause.of(f, values, slot);
	}

	/** A service's values of it, as the facet field counts them ("day:monday"). */
	Collection<String> indexed(ServiceDocument document) {
		return this.indexed == null ? List.of() : this.indexed.apply(document);
	}

	/** The filter with this parameter, or null. */
	static Filter named(String parameter) {
		for (Filter filter : values()) {
			if (filter.parameter.equals(parameter)) {
				return filter;
			}
		}
		return null;
	}

	private static List<String> one(List<String> values) {
		return List.of(values.get(0));
	}

	private static List<String> yes(List<String> values) {
		return values.contains(TRUE) ? YES : List.of();
	}

	/** "15", "15 years", "aged 15", "15 yrs old". */
	private static final java.util.regex.Pattern YEARS = java.util.regex.Pattern
		.compile("(?i)(?:aged?\\s*)?(\\d{1,3})\\s*(?:years?|yrs?)?(?:\\s*old)?");

	/** A whole number of years a person can be, as people write it. */
	static Integer age(String typed) {
		java.util.regex.Matcher age = YEARS.matcher(typed.strip());
		if (!age.matches()) {
			return null;
		}
		int years = Integer.parseInt(age.group(1));
		return years > OLDEST ? null : years;
	}

	private static List<String> age(List<String> values) {
		Integer age = age(values.get(0));
		return age == null ? List.of() : List.of(String.valueOf(age));
	}

	private static List<String> among(List<String> values, List<String> allowed, boolean many) {
		List<String> kept = values.stream()
			.map(v -> v.toLowerCase(Locale.UK))
			.filter(allowed::contains)
			.distinct()
			.toList();
		return many || kept.isEmpty() ? kept : kept.subList(0, 1);
	}

}
