package uk.signpost.search;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;

/**
 * A service's first venues each in a field of its own (venueAt0, venueAt1 ...), beside
 * the list of all of them: the API counts the venues within a distance with one count a
 * position, reading no document. A service with more venues than there are fields has the
 * rest counted from its document.
 */
public final class VenuePositions implements PropertyBinder {

	static final int FIELDS = 8;

	/** Hibernate Search makes it by reflection. */
	public VenuePositions() {
	}

	static String field(int position) {
		return "venueAt" + position;
	}

	@Override
	public void bind(PropertyBindingContext context) {
		context.dependencies().useRootOnly();
		List<IndexFieldReference<GeoPoint>> fields = new ArrayList<>(FIELDS);
		for (int i = 0; i < FIELDS; i++) {
			fields.add(context.indexSchemaElement().field(field(i), f -> f.asGeoPoint()).toReference());
		}
		context.bridge(List.class, (target, venues, write) -> {
			for (int i = 0; i < Math.min(FIELDS, venues.size()); i++) {
				target.addValue(fields.get(i), (GeoPoint) venues.get(i));
			}
		});
	}

}
