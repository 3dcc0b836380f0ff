package uk.signpost.geo;

/** Great-circle distance: good to a few metres across the UK. */
public final class Distance {

	private static final double EARTH_RADIUS_MILES = 3958.8;

	private Distance() {
	}

	public static double miles(double latitude1, double longitude1, double latitude2, double longitude2) {
		double dLat = Math.toRadians(latitude2 - latitude1);
		double dLon = Math.toRadians(longitude2 - longitude1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude1))
				* Math.cos(Math.toRadians(latitude2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(a));
	}

}
