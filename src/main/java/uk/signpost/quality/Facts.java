package uk.signpost.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One service as the record checks see it, gathered from the directory's tables in a few
 * queries for the whole publisher (QualityReports) or built by hand in tests.
 */
final class Facts {

	final String id;

	final String sourceId;

	final String name;

	final List<String> phones = new ArrayList<>(2);

	final List<String> emails = new ArrayList<>(2);

	final List<String> webAddresses = new ArrayList<>(2);

	final List<String> postcodes = new ArrayList<>(1);

	/** A virtual location, or a term saying it is by phone or online. */
	boolean remote;

	boolean serviceArea;

	int schedules;

	int costOptions;

	String fees;

	Integer minimumAge;

	Integer maximumAge;

	String eligibility;

	boolean category;

	LocalDate assuredDate;

	String assurerEmail;

	/** The valid_to of each dated schedule and cost option. */
	final List<LocalDate> validTo = new ArrayList<>(1);

	Facts(String id, String sourceId, String name) {
		this.id = id;
		this.sourceId = sourceId;
		this.name = name;
	}

	static void add(List<String> list, String value) {
		if (value != null && !value.isBlank()) {
			list.add(value.strip());
		}
	}

}
