package uk.signpost.search;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.PropertyBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyBinding;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.SearchEntity;

/**
 * What the index holds for one service: built from database rows by
 * {@link ServiceDocuments}, so the directory's own classes carry no index annotations.
 * Field names follow ORUK where there is one.
 */
@SearchEntity(name = "Service")
@Indexed(index = "services")
class ServiceDocument {

	/**
	 * Sortable too: the API breaks ties in distance by id, so its pages never overlap.
	 */
	@DocumentId
	@KeywordField(name = "idSort", sortable = Sortable.YES)
	String id;

	@KeywordField
	String publisherId;

	@KeywordField(name = "nameSort", normalizer = "keyword", sortable = Sortable.YES)
	String name;

	String alternateName;

	String description;

	String eligibilityDescription;

	/** Name and alternate name, searched as one field: fewer fields, faster queries. */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> names = new ArrayList<>();

	/** Description and eligibility, searched as one field. */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> about = new ArrayList<>();

	/**
	 * Searched through text only: a clause of its own to rank organisation matches
	 * changed no judged query's result (docs/search.md) and cost every search.
	 */
	String organizationName;

	/**
	 * All the words above in one field: a query matches here first, then the fields above
	 * only add to the score of what matched (cheaper than matching each of them).
	 */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> text = new ArrayList<>();

	/** Labels of the service's taxonomy terms and of their parents. */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> taxonomy = new ArrayList<>();

	/** Ids of the service's taxonomy terms and of their parents, for the API's filter. */
	@KeywordField
	List<String> termId = new ArrayList<>();

	@KeywordField
	List<String> taxonomyId = new ArrayList<>();

	@KeywordField
	String organizationId;

	/**
	 * ORUK last_modified in epoch milliseconds (import time when the feed gives none).
	 */
	@GenericField
	long lastModified;

	/** Top-level need categories, by name, so categories of several publishers merge. */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> category = new ArrayList<>();

	/** 0 when the feed gives no minimum. */
	@GenericField
	int minimumAge;

	/** 130 when the feed gives no maximum. */
	@GenericField
	int maximumAge = 130;

	@GenericField(projectable = Projectable.YES)
	boolean free;

	/** in_person, phone, online. */
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	List<String> delivery = new ArrayList<>();

	@KeywordField(aggregable = Aggregable.YES)
	List<String> language = new ArrayList<>();

	@GenericField
	boolean wheelchair;

	/** monday ... sunday. */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> openDay = new ArrayList<>();

	/**
	 * Quarter-hours of the week it is open: day (0 = Monday) * 96 + quarter of the day.
	 */
	@GenericField
	List<Integer> openSlot = new ArrayList<>();

	/**
	 * The open quarter-hours while schedules are read: a week has 672, often hundreds
	 * open.
	 */
	final java.util.BitSet openQuarters = new java.util.BitSet(7 * 96);

	/**
	 * Minute of the day each schedule opens and closes, for the API's start_time and
	 * end_time.
	 */
	@GenericField
	List<Integer> opensAt = new ArrayList<>();

	@GenericField
	List<Integer> closesAt = new ArrayList<>();

	/** How many service_at_locations it has, for the API to page through them. */
	@GenericField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	int locations;

	/**
	 * Every venue with coordinates, in the publisher's order of service_at_locations (see
	 * ServiceDocuments.isVenue).
	 */
	@GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
	@PropertyBinding(binder = @PropertyBinderRef(type = VenuePositions.class))
	List<GeoPoint> venue = new ArrayList<>();

	/** How many venues: past VenuePositions.FIELDS the API counts the rest itself. */
	@GenericField
	int venues;

	/** Names of the areas it serves, lower case. */
	@KeywordField(normalizer = "keyword", projectable = Projectable.YES)
	List<String> serviceArea = new ArrayList<>();

	@KeywordField
	String status;

	/**
	 * Every filter value as "filter:value" (category:Food, free:true, day:monday ...), as
	 * {@link Filter} says: the counts of all filters come from one pass over this field,
	 * not one per filter.
	 */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> facet = new ArrayList<>();

	/**
	 * Another copy of the same service leads its confirmed group (ADR 0016): the search
	 * page leaves this one out, the API keeps it.
	 */
	@GenericField
	boolean follows;

	/**
	 * On a group's lead, the other copies' words ({@link #text}): the search page finds
	 * the group by any copy's words. The API searches only each record's own.
	 */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> sameServiceText = new ArrayList<>();

	/**
	 * On a group's lead, the other copies' {@link #names}: a search for any copy's name
	 * ranks the group as that copy would have been ranked.
	 */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> sameServiceNames = new ArrayList<>();

	/** Fills the combined fields once the others are read. */
	void complete() {
		this.names.clear();
		this.about.clear();
		this.facet.clear();
		this.openSlot.clear();
		this.openQuarters.stream().forEach(this.openSlot::add);
		addIfPresent(this.names, this.name);
		addIfPresent(this.names, this.alternateName);
		addIfPresent(this.about, this.description);
		addIfPresent(this.about, this.eligibilityDescription);
		this.venues = this.venue.size();
		this.text.clear();
		this.text.addAll(this.names);
		this.text.addAll(this.taxonomy);
		addIfPresent(this.text, this.organizationName);
		this.text.addAll(this.about);
		for (Filter filter : Filter.values()) {
			filter.indexed(this).forEach(value -> this.facet.add(filter.parameter() + ":" + value));
		}
	}

	private static void addIfPresent(List<String> list, String value) {
		if (value != null && !value.isBlank()) {
			list.add(value);
		}
	}

}
