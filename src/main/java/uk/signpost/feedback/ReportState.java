package uk.signpost.feedback;

import java.util.List;

/**
 * Where a problem report has got to: new, sent to the publisher, then closed as fixed or
 * as needing no change (with a reason). A closed report stays closed: the resident has
 * been told and their email erased.
 */
enum ReportState {

	NEW("new"), SENT("sent"), FIXED("fixed"), NO_CHANGE("no_change");

	/** As stored in feedback.status and sent by the workspace's forms. */
	final String key;

	ReportState(String key) {
		this.key = key;
	}

	boolean isOpen() {
		return this == NEW || this == SENT;
	}

	/** The states a report in this one may be moved to. */
	List<ReportState> next() {
		return switch (this) {
			case NEW -> List.of(SENT, FIXED, NO_CHANGE);
			case SENT -> List.of(FIXED, NO_CHANGE);
			case FIXED, NO_CHANGE -> List.of();
		};
	}

	/** The state with this key, or null for none. */
	static ReportState parse(String key) {
		for (ReportState state : values()) {
			if (state.key.equals(key == null ? "" : key.strip())) {
				return state;
			}
		}
		return null;
	}

	static List<String> openKeys() {
		return List.of(NEW.key, SENT.key);
	}

}
