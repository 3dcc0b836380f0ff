package uk.signpost.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.web.util.UriComponentsBuilder;

import uk.signpost.directory.Checked;
import uk.signpost.directory.Publisher;
import uk.signpost.directory.ServiceChecks;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.Tag;

/**
 * What /manage/reviews shows, with its words from messages: one table a publisher of its
 * overdue and soon-due services, oldest first, a page at a time.
 *
 * @param publishers the filter, or null when the person sees only one publisher
 * @param filter the publisher chosen, or null for all
 * @param done the banner after marking a service as checked, or null
 */
record ReviewsPage(String intro, Choices publishers, String filter, List<Group> groups, String none, String done,
		PageLinks links, int number, int pages) {

	/** Services a page. */
	static final int PAGE = 50;

	/** One publisher's services on this page, and its counts over the whole list. */
	record Group(String caption, List<Row> rows) {
	}

	/**
	 * One service: its name, last check, due date with a tag, and the button's hidden
	 * words.
	 */
	record Row(String serviceId, String name, String lastChecked, String due, Tag status) {
	}

	/**
	 * The page of this number (from {@link #number}) of the list due; recorded: the
	 * newest recorded check of each service on it.
	 */
	static ReviewsPage of(List<Reviews.Due> due, int number, List<Publisher> visible, String filter, LocalDate today,
			LocalDate by, Map<String, ServiceChecks.Check> recorded, String done, MessageSourceAccessor text) {
		Map<String, int[]> counts = new LinkedHashMap<>();
		for (Reviews.Due service : due) {
			counts.computeIfAbsent(service.publisherId(), id -> new int[2])[service.overdue(today) ? 0 : 1]++;
		}
		Map<String, Group> groups = new LinkedHashMap<>();
		for (Reviews.Due service : slice(due, number)) {
			int[] count = counts.get(service.publisherId());
			groups
				.computeIfAbsent(service.publisherId(),
						id -> new Group(
								text.getMessage("reviews.caption",
										new Object[] { service.publisherName(), count[0], count[1] }),
								new ArrayList<>()))
				.rows()
				.add(row(service, recorded.get(service.serviceId()), today, text));
		}
		Choices publishers = null;
		if (visible.size() > 1) {
			List<Choice> items = new ArrayList<>();
			items.add(new Choice("publisher-all", "publisher", "", text.getMessage("reviews.publisher.all"),
					filter == null));
			visible.forEach(publisher -> items.add(new Choice("publisher-" + publisher.id(), "publisher",
					publisher.id(), publisher.name(), publisher.id().equals(filter))));
			publishers = new Choices("publisher", "publisher", text.getMessage("reviews.publisher"), items);
		}
		return new ReviewsPage(text.getMessage("reviews.intro", new Object[] { Dates.date(by, text) }), publishers,
				filter, List.copyOf(groups.values()),
				text.getMessage("reviews.none", new Object[] { Dates.date(by, text) }), done,
				new PageLinks(back(filter, 1)), number, pages(due.size()));
	}

	static int pages(int count) {
		return Math.max(1, (count + PAGE - 1) / PAGE);
	}

	/** The services on page number. */
	static List<Reviews.Due> slice(List<Reviews.Due> due, int number) {
		return due.subList((number - 1) * PAGE, Math.min(due.size(), number * PAGE));
	}

	private static Row row(Reviews.Due service, ServiceChecks.Check recorded, LocalDate today,
			MessageSourceAccessor text) {
		Checked.Last last = service.last();
		String checked;
		if (last == null) {
			checked = text.getMessage("reviews.checked.never");
		}
		else {
			String on = Dates.date(last.date(), text);
			checked = last.source() == Checked.Source.RECORDED && recorded != null
					? text.getMessage("reviews.checked.recorded", new Object[] { on, recorded.signature() })
					: text.getMessage("reviews.checked." + last.source().name().toLowerCase(Locale.ROOT),
							new Object[] { on });
		}
		String due = service.due() == null ? text.getMessage("reviews.due.now") : Dates.date(service.due(), text);
		Tag status = service.overdue(today) ? new Tag(text.getMessage("reviews.overdue"), "red")
				: new Tag(text.getMessage("reviews.soon"), "yellow");
		return new Row(service.serviceId(), service.name(), checked, due, status);
	}

	/** This list's address, of page number, to come back to after marking a service. */
	static String back(String filter, int number) {
		return UriComponentsBuilder.fromPath("/manage/reviews")
			.queryParamIfPresent("publisher", Optional.ofNullable(filter))
			.queryParamIfPresent("page", number > 1 ? Optional.of(number) : Optional.empty())
			.build()
			.encode()
			.toUriString();
	}

	/** The page asked for, from 1 to pages; anything else is the first. */
	static int number(String page, int pages) {
		return PageLinks.number(page, pages);
	}

}
