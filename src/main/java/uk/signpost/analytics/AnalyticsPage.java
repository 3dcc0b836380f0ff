package uk.signpost.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.govuk.Dates;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;

/**
 * The Analytics page's tables and charts, with their words from messages. Every count
 * from 1 to 4 is written "fewer than 5", in the CSV too, and a share is left out when
 * either of its counts is: a handful of searches in a small area could point to a person.
 */
final class AnalyticsPage {

	/** Counts below this are not shown. */
	static final long SMALLEST = 5;

	/** The most unviewed services listed. */
	static final int MOST_UNVIEWED = 200;

	/**
	 * One table of the page, with its chart (or null) and a sentence that says what it
	 * shows; id names its CSV download.
	 */
	public record Section(String id, Table table, Chart chart, String summary, String hint) {
	}

	private final MessageSourceAccessor text;

	AnalyticsPage(MessageSourceAccessor text) {
		this.text = text;
	}

	private String words(String key, Object... arguments) {
		return this.text.getMessage(key, arguments);
	}

	static boolean suppressed(long count) {
		return count > 0 && count < SMALLEST;
	}

	String count(long count) {
		return suppressed(count) ? words("analytics.fewer") : String.valueOf(count);
	}

	String share(long part, long whole) {
		if (whole == 0) {
			return words("analytics.none");
		}
		return suppressed(part) || suppressed(whole) ? words("analytics.suppressed")
				: words("analytics.share", Math.round(100.0 * part / whole));
	}

	private String need(String need) {
		return need == null || need.isEmpty() ? words("analytics.need.none") : need;
	}

	private static Cell cell(String text) {
		return Cell.of(text);
	}

	private static List<Boolean> numeric(int words, int numbers) {
		List<Boolean> numeric = new ArrayList<>();
		for (int i = 0; i < words + numbers; i++) {
			numeric.add(i >= words);
		}
		return numeric;
	}

	private List<String> heads(String... keys) {
		return java.util.Arrays.stream(keys).map(this::words).toList();
	}

	private <T> Chart chart(String id, String title, String description, List<T> rows, Function<T, String> label,
			Function<T, Long> value, Function<T, Long> part) {
		List<Chart.Bar> bars = rows.stream().map(row -> {
			long v = value.apply(row);
			long p = part == null ? 0 : part.apply(row);
			return new Chart.Bar(label.apply(row), v, count(v), suppressed(v), p, suppressed(p), count(p));
		}).toList();
		return new Chart(id, title, description, bars, part != null);
	}

	/**
	 * A section; beside a chart, the table's caption says it holds the chart's figures,
	 * so the heading is not read out twice.
	 */
	private Section section(String id, Table table, Chart chart, String summary, String hint) {
		Table captioned = chart == null ? table
				: new Table(words("analytics.figures", table.caption()), table.head(), table.numeric(), table.rows());
		return new Section(id, captioned, chart, summary, hint);
	}

	Section weeks(List<Figures.Week> weeks) {
		List<List<Cell>> rows = weeks.stream()
			.map(w -> List.of(cell(Dates.date(w.monday(), this.text)), cell(count(w.searches())), cell(count(w.zero())),
					cell(share(w.zero(), w.searches()))))
			.toList();
		long searches = weeks.stream().mapToLong(Figures.Week::searches).sum();
		long zero = weeks.stream().mapToLong(Figures.Week::zero).sum();
		String summary = words("analytics.weeks.summary", count(searches), count(zero), share(zero, searches));
		Table table = new Table(words("analytics.weeks.caption"), heads("analytics.weeks.week",
				"analytics.weeks.searches", "analytics.weeks.zero", "analytics.weeks.share"), numeric(1, 3), rows);
		Chart chart = chart("weeks", words("analytics.weeks.caption"), words("analytics.weeks.legend") + " " + summary,
				weeks, w -> Dates.date(w.monday(), this.text), Figures.Week::searches, Figures.Week::zero);
		return section("weeks", table, chart, summary, words("analytics.weeks.legend"));
	}

	Section needs(List<Figures.Need> needs) {
		List<List<Cell>> rows = needs.stream()
			.map(n -> List.of(cell(n.need()), cell(count(n.searches())), cell(count(n.zero()))))
			.toList();
		String summary = needs.isEmpty() ? words("analytics.empty")
				: words("analytics.needs.summary", needs.get(0).need(), count(needs.get(0).searches()));
		Table table = new Table(words("analytics.needs.caption"),
				heads("analytics.need", "analytics.searches", "analytics.zero"), numeric(1, 2), rows);
		return section("needs", table,
				chart("needs", table.caption(), summary, needs, Figures.Need::need, Figures.Need::searches, null),
				summary, words("analytics.needs.hint", SMALLEST));
	}

	Section unmet(List<Figures.Need> needs) {
		List<List<Cell>> rows = needs.stream()
			.map(n -> List.of(cell(n.need()), cell(count(n.zero())), cell(count(n.searches()))))
			.toList();
		String summary = needs.isEmpty() ? words("analytics.empty")
				: words("analytics.unmet.summary", needs.get(0).need(), count(needs.get(0).zero()));
		Table table = new Table(words("analytics.unmet.caption"),
				heads("analytics.need", "analytics.zero", "analytics.searches"), numeric(1, 2), rows);
		return section("unmet", table,
				chart("unmet", table.caption(), summary, needs, Figures.Need::need, Figures.Need::zero, null), summary,
				words("analytics.needs.hint", SMALLEST));
	}

	Section areas(List<Figures.AreaNeed> unmet) {
		List<List<Cell>> rows = unmet.stream()
			.map(u -> List.of(cell(u.area()), cell(need(u.need())), cell(count(u.zero()))))
			.toList();
		String summary = unmet.isEmpty() ? words("analytics.empty") : words("analytics.areas.summary",
				need(unmet.get(0).need()), unmet.get(0).area(), count(unmet.get(0).zero()));
		Table table = new Table(words("analytics.areas.caption"),
				heads("analytics.areas.area", "analytics.need", "analytics.zero"), numeric(2, 1), rows);
		return section("areas", table, chart("areas", table.caption(), summary, unmet,
				u -> u.area() + ": " + need(u.need()), Figures.AreaNeed::zero, null), summary,
				words("analytics.needs.hint", SMALLEST));
	}

	Section refining(List<Figures.Refining> needs) {
		List<List<Cell>> rows = needs.stream()
			.map(n -> List.of(cell(n.need()), cell(count(n.searches())), cell(count(n.refined())),
					cell(share(n.refined(), n.searches())), cell(count(n.opened())), cell(count(n.withoutOpening())),
					cell(share(n.withoutOpening(), n.searches()))))
			.toList();
		String summary = needs.isEmpty() ? words("analytics.empty")
				: words("analytics.refine.summary", needs.get(0).need());
		Table table = new Table(words("analytics.refine.caption"),
				heads("analytics.need", "analytics.searches", "analytics.refine.refined", "analytics.refine.share",
						"analytics.refine.opened", "analytics.refine.without", "analytics.refine.share"),
				numeric(1, 6), rows);
		return section("refining", table, null, summary, words("analytics.refine.hint", SMALLEST));
	}

	Section publishers(List<Figures.PublisherUse> publishers) {
		List<List<Cell>> rows = publishers.stream()
			.map(p -> List.of(cell(p.name()), cell(count(p.views())), cell(count(p.phone())), cell(count(p.email())),
					cell(count(p.website())), cell(count(p.list()))))
			.toList();
		Figures.PublisherUse most = publishers.stream()
			.max((a, b) -> Long.compare(a.views(), b.views()))
			.filter(p -> p.views() > 0)
			.orElse(null);
		String summary = most == null ? words("analytics.empty")
				: words("analytics.publishers.summary", most.name(), count(most.views()));
		Table table = new Table(words("analytics.publishers.caption"),
				heads("analytics.publishers.publisher", "analytics.publishers.views", "analytics.publishers.phone",
						"analytics.publishers.email", "analytics.publishers.website", "analytics.publishers.list"),
				numeric(1, 5), rows);
		return section("publishers", table, chart("publishers", table.caption(), summary, publishers,
				Figures.PublisherUse::name, Figures.PublisherUse::views, null), summary, null);
	}

	Section unviewed(List<Figures.Unviewed> services) {
		List<List<Cell>> rows = services.stream()
			.map(s -> List.of(Cell.link(s.name(), "/services/" + s.id()), cell(s.publisher())))
			.toList();
		String summary = words("analytics.unviewed.summary", services.size(), MOST_UNVIEWED);
		Table table = new Table(words("analytics.unviewed.caption", Figures.UNVIEWED_DAYS),
				heads("analytics.unviewed.service", "analytics.publishers.publisher"), numeric(2, 0), rows);
		return section("unviewed", table, null, summary, null);
	}

}
