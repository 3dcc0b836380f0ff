package uk.signpost.duplicates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import uk.signpost.geo.Distance;

/**
 * How likely two listings are one service, from 0 to 1, with the reasons: half from how
 * alike the names are, the rest from what two different services rarely share (ADR 0014).
 * Names less alike than {@link #NAME_FLOOR} are never one service, however much else they
 * share: one organisation's several services share its phone, email and building. Names
 * with different numbers in them count half as alike.
 */
final class Scoring {

	/** Pairs scoring this or more are candidates, measured by bench-duplicates. */
	static final double THRESHOLD = 0.7;

	static final double NAME_FLOOR = 0.5;

	/** Venues this close are one venue, written twice. */
	static final double SAME_VENUE_METRES = 150;

	static final double NEARBY_METRES = 500;

	private static final double METRES_A_MILE = 1609.344;

	private Scoring() {
	}

	record Scored(double score, List<Reason> reasons) {
	}

	/** The score and reasons of a pair, or null when the names are too unlike. */
	static Scored score(Listing a, Listing b) {
		double name = Bigrams.best(a.names(), b.names());
		if (!a.numbers().isEmpty() && !b.numbers().isEmpty() && !a.numbers().equals(b.numbers())) {
			// "Group 2" and "Group 3" are alike in letters and are two things.
			name /= 2;
		}
		if (name < NAME_FLOOR) {
			return null;
		}
		List<Reason> reasons = new ArrayList<>();
		double score = 0.5 * name;
		if (shares(a.phones(), b.phones())) {
			score += 0.25;
			reasons.add(new Reason(Reason.Kind.PHONE, null));
		}
		if (shares(a.emails(), b.emails())) {
			score += 0.1;
			reasons.add(new Reason(Reason.Kind.EMAIL, null));
		}
		else if (shares(a.hosts(), b.hosts())) {
			score += 0.05;
			reasons.add(new Reason(Reason.Kind.WEBSITE, null));
		}
		double metres = distance(a.points(), b.points());
		if (shares(a.postcodes(), b.postcodes())) {
			score += 0.2;
			reasons.add(new Reason(Reason.Kind.POSTCODE, null));
		}
		else if (metres <= SAME_VENUE_METRES) {
			score += 0.2;
		}
		else if (metres <= NEARBY_METRES) {
			score += 0.1;
		}
		if (metres <= NEARBY_METRES) {
			reasons.add(new Reason(Reason.Kind.DISTANCE, metres));
		}
		if (Bigrams.best(a.organisation(), b.organisation()) >= 0.8) {
			score += 0.05;
			reasons.add(new Reason(Reason.Kind.ORGANISATION, null));
		}
		reasons.add(new Reason(Reason.Kind.NAME, name));
		return new Scored(Math.min(1, score), reasons);
	}

	private static boolean shares(Set<String> a, Set<String> b) {
		return !a.isEmpty() && !b.isEmpty() && !Collections.disjoint(a, b);
	}

	/** The least distance in metres between a venue of each, or infinity. */
	static double distance(List<double[]> a, List<double[]> b) {
		double least = Double.POSITIVE_INFINITY;
		for (double[] p : a) {
			for (double[] q : b) {
				least = Math.min(least, Distance.miles(p[0], p[1], q[0], q[1]) * METRES_A_MILE);
			}
		}
		return least;
	}

}
