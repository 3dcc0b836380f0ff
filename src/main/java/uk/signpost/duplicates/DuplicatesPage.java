package uk.signpost.duplicates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.web.util.UriComponentsBuilder;

import uk.signpost.directory.Checked;
import uk.signpost.directory.ServiceChecks;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.Table;

/**
 * What /manage/duplicates shows, with its words from messages: links to the pairs in each
 * state with their counts, then a page of pairs, likeliest first, each a table of its two
 * services side by side with its score, reasons and the buttons to decide.
 *
 * @param done the banner after a decision, or null
 */
record DuplicatesPage(String state, List<StateLink> states, List<PairView> pairs, String none, String done,
		PageLinks links, int number, int pages) {

	/** Pairs a page. */
	static final int PAGE = 20;

	/** A link to the pairs in one state; current for the one shown. */
	record StateLink(String text, String href, boolean current) {
	}

	/**
	 * One pair: its table, its score and reasons, and where its buttons post (a button
	 * for a decision it already has is not offered).
	 */
	record PairView(Table table, String reasons, String confirm, String reject, String hidden) {
	}

	static DuplicatesPage of(DuplicatePairs.State shown, Map<DuplicatePairs.State, Long> counts,
			List<DuplicatePairs.Pair> pairs, Map<String, DuplicatePairs.Side> sides,
			Map<String, ServiceChecks.Check> recorded, int number, int pages, String done, MessageSourceAccessor text) {
		List<StateLink> states = new ArrayList<>();
		counts.forEach((state, count) -> states
			.add(new StateLink(text.getMessage("duplicates.state." + state.key(), new Object[] { count }),
					address(state, 1), state == shown)));
		List<PairView> views = new ArrayList<>();
		for (DuplicatePairs.Pair pair : pairs) {
			DuplicatePairs.Side a = sides.get(pair.serviceA());
			DuplicatePairs.Side b = sides.get(pair.serviceB());
			if (a == null || b == null) {
				// A service since deleted: the decision is kept, there is nothing to
				// compare.
				continue;
			}
			String base = "/manage/duplicates/" + pair.serviceA() + "/" + pair.serviceB() + "/";
			views.add(new PairView(table(a, b, recorded, text),
					text.getMessage("duplicates.score",
							new Object[] { String.format(Locale.UK, "%.2f", pair.score()),
									Reason.words(pair.reasons(), text) }),
					pair.state() == DuplicatePairs.State.CONFIRMED ? null : base + "confirm",
					pair.state() == DuplicatePairs.State.REJECTED ? null : base + "reject",
					text.getMessage("duplicates.hidden", new Object[] { a.name(), b.name() })));
		}
		return new DuplicatesPage(shown.key(), states, views, text.getMessage("duplicates.none"), done,
				new PageLinks(address(shown, 1)), number, pages);
	}

	private static Table table(DuplicatePairs.Side a, DuplicatePairs.Side b, Map<String, ServiceChecks.Check> recorded,
			MessageSourceAccessor text) {
		List<List<Table.Cell>> rows = new ArrayList<>();
		rows.add(List.of(Table.Cell.of(text.getMessage("duplicates.row.service")),
				Table.Cell.link(a.name(), "/services/" + a.id()), Table.Cell.link(b.name(), "/services/" + b.id())));
		rows.add(row(text.getMessage("duplicates.row.address"), a.address(), b.address(), text));
		rows.add(row(text.getMessage("duplicates.row.phone"), a.phone(), b.phone(), text));
		rows.add(row(text.getMessage("duplicates.row.checked"), checked(a, recorded, text), checked(b, recorded, text),
				text));
		return new Table(text.getMessage("duplicates.caption", new Object[] { a.name(), b.name() }),
				List.of(text.getMessage("duplicates.column.detail"), a.publisherName(), b.publisherName()), rows);
	}

	private static List<Table.Cell> row(String key, String a, String b, MessageSourceAccessor text) {
		String none = text.getMessage("duplicates.row.none");
		return List.of(Table.Cell.of(key), Table.Cell.of(a == null ? none : a), Table.Cell.of(b == null ? none : b));
	}

	/** The one rule for when a service was last checked (directory.Checked). */
	private static String checked(DuplicatePairs.Side side, Map<String, ServiceChecks.Check> recorded,
			MessageSourceAccessor text) {
		ServiceChecks.Check check = recorded.get(side.id());
		LocalDate day = Checked.date(side.assured(), check == null ? null : check.date(), side.lastModified());
		return day == null ? null : Dates.date(day, text);
	}

	/** The state asked for; anything else is the candidates. */
	static DuplicatePairs.State state(String state) {
		for (DuplicatePairs.State each : DuplicatePairs.State.values()) {
			if (each.key().equals(state)) {
				return each;
			}
		}
		return DuplicatePairs.State.CANDIDATE;
	}

	static String address(DuplicatePairs.State state, int number) {
		return UriComponentsBuilder.fromPath("/manage/duplicates")
			.queryParamIfPresent("state",
					state == DuplicatePairs.State.CANDIDATE ? Optional.empty() : Optional.of(state.key()))
			.queryParamIfPresent("page", number > 1 ? Optional.of(number) : Optional.empty())
			.build()
			.encode()
			.toUriString();
	}

	static int pages(long count) {
		return (int) Math.max(1, (count + PAGE - 1) / PAGE);
	}

}
