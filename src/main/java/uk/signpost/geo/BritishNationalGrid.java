package uk.signpost.geo;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Ordnance Survey eastings and northings (OSGB36, EPSG:27700) to WGS84 latitude and
 * longitude, as Code-Point Open and OS Open Names give them. A Helmert shift, accurate to
 * a few metres: plenty for "nearest first".
 */
final class BritishNationalGrid {

	private static final String OSGB36 = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 "
			+ "+ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

	private final CoordinateTransform transform;

	BritishNationalGrid() {
		CRSFactory crs = new CRSFactory();
		CoordinateReferenceSystem grid = crs.createFromParameters("EPSG:27700", OSGB36);
		CoordinateReferenceSystem wgs84 = crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
		this.transform = new CoordinateTransformFactory().createTransform(grid, wgs84);
	}

	/** [latitude, longitude]. Not thread-safe: one per import. */
	double[] toWgs84(double easting, double northing) {
		ProjCoordinate out = new ProjCoordinate();
		this.transform.transform(new ProjCoordinate(easting, northing), out);
		return new double[] { out.y, out.x };
	}

}
