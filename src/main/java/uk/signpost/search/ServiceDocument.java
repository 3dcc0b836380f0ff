package uk.signpost.search;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.spatial.GeoPoint;
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

	@DocumentId
	String id;

	@KeywordField
	String publisherId;

	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	@KeywordField(name = "nameSort", normalizer = "keyword", sortable = Sortable.YES)
	String name;

	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	String alternateName;

	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	String description;

	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	String organizationName;

	/** Labels of the service's taxonomy terms and of their parents. */
	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	List<String> taxonomy = new ArrayList<>();

	@FullTextField(analyzer = SearchAnalysis.TEXT, searchAnalyzer = SearchAnalysis.QUERY)
	String eligibilityDescription;

	/** Top-level need categories, by name, so categories of several publishers merge. */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> category = new ArrayList<>();

	/** Every category and sub-category name, for browsing one level down. */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> term = new ArrayList<>();

	/** 0 when the feed gives no minimum. */
	@GenericField
	int minimumAge;

	/** 130 when the feed gives no maximum. */
	@GenericField
	int maximumAge = 130;

	@GenericField(aggregable = Aggregable.YES)
	boolean free;

	/** in_person, phone, online. */
	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	List<String> delivery = new ArrayList<>();

	@KeywordField(aggregable = Aggregable.YES)
	List<String> language = new ArrayList<>();

	@GenericField(aggregable = Aggregable.YES)
	boolean wheelchair;

	/** monday ... sunday. */
	@KeywordField(aggregable = Aggregable.YES)
	List<String> openDay = new ArrayList<>();

	/**
	 * Quarter-hours of the week it is open: day (0 = Monday) * 96 + quarter of the day.
	 */
	@GenericField(aggregable = Aggregable.YES)
	List<Integer> openSlot = new ArrayList<>();

	/** Every venue with coordinates. */
	@GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
	List<GeoPoint> venue = new ArrayList<>();

	/** Names of the areas it serves, lower case. */
	@KeywordField(normalizer = "keyword", projectable = Projectable.YES)
	List<String> serviceArea = new ArrayList<>();

	@KeywordField(aggregable = Aggregable.YES)
	String status;

	boolean remote() {
		return this.delivery.contains(Delivery.PHONE) || this.delivery.contains(Delivery.ONLINE);
	}

}
