package uk.signpost.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.MessageSourceAccessor;

import uk.signpost.govuk.Dates;

/**
 * A service's weekly opening hours in words: "Monday to Friday, 9am to 5pm", a row per
 * day, and whether it is open now or when it next opens. The words, the times' pattern
 * and the days' language are from messages (hours.*, date.locale).
 */
public final class OpeningHours {

	private static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	/** Opening times by day, in time order. */
	private final Map<DayOfWeek, List<LocalTime[]>> week = new EnumMap<>(DayOfWeek.class);

	/** What schedules say in words, for rules that are not simply weekly. */
	private final List<String> notes = new ArrayList<>();

	private final MessageSourceAccessor text;

	public OpeningHours(List<Service.Schedule> schedules, MessageSourceAccessor text) {
		this.text = text;
		for (Service.Schedule schedule : schedules) {
			boolean weekly = schedule.freq() == null || schedule.freq().equalsIgnoreCase("WEEKLY");
			if (weekly && schedule.byday() != null && schedule.opensAt() != null && schedule.closesAt() != null) {
				for (String part : schedule.byday().split(",")) {
					String code = part.strip().toUpperCase(Locale.UK);
					int day = CODES.indexOf(code);
					if (day >= 0) {
						List<LocalTime[]> times = this.week.computeIfAbsent(DayOfWeek.of(day + 1),
								d -> new ArrayList<>());
						// A venue's schedule often repeats the service's.
						boolean known = times.stream()
							.anyMatch(t -> t[0].equals(schedule.opensAt()) && t[1].equals(schedule.closesAt()));
						if (!known) {
							times.add(new LocalTime[] { schedule.opensAt(), schedule.closesAt() });
						}
					}
				}
			}
			if (schedule.description() != null && !schedule.description().isBlank()
					&& !this.notes.contains(schedule.description().strip())) {
				this.notes.add(schedule.description().strip());
			}
		}
		this.week.values().forEach(times -> times.sort((a, b) -> a[0].compareTo(b[0])));
	}

	public boolean isKnown() {
		return !this.week.isEmpty();
	}

	public List<String> notes() {
		return this.notes;
	}

	/** "Monday to Friday, 9am to 5pm; Saturday, 10am to 1pm". */
	public String sentence() {
		Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<LocalTime[]> times = this.week.get(day);
			if (times != null) {
				byHours.computeIfAbsent(hours(times), h -> new ArrayList<>()).add(day);
			}
		}
		List<String> parts = new ArrayList<>();
		byHours.forEach((hours, days) -> parts.add(words("hours.days", days(days), hours)));
		return parts.stream().reduce((a, b) -> words("hours.more", a, b)).orElse("");
	}

	/** Each day of the week with its hours, or "Closed". */
	public Map<String, String> table() {
		Map<String, String> rows = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<LocalTime[]> times = this.week.get(day);
			rows.put(name(day), times == null ? words("hours.closed") : hours(times));
		}
		return rows;
	}

	/** "Open now until 5pm", "Opens Monday at 9am", or null when hours are unknown. */
	public String now(ZonedDateTime now) {
		if (!isKnown()) {
			return null;
		}
		LocalTime time = now.toLocalTime();
		for (LocalTime[] open : this.week.getOrDefault(now.getDayOfWeek(), List.of())) {
			if (!time.isBefore(open[0]) && time.isBefore(open[1])) {
				return words("hours.open", time(open[1]));
			}
		}
		for (int ahead = 0; ahead < 8; ahead++) {
			DayOfWeek day = now.getDayOfWeek().plus(ahead);
			for (LocalTime[] open : this.week.getOrDefault(day, List.of())) {
				if (ahead > 0 || open[0].isAfter(time)) {
					String when = ahead == 0 ? words("hours.today") : ahead == 1 ? words("hours.tomorrow") : name(day);
					return words("hours.opens", when, time(open[0]));
				}
			}
		}
		return null;
	}

	private String words(String key, Object... arguments) {
		return this.text.getMessage(key, arguments);
	}

	/** "9am to 5pm", or "9am to midday and 1pm to 5pm". */
	private String hours(List<LocalTime[]> times) {
		List<String> parts = new ArrayList<>();
		for (LocalTime[] open : times) {
			parts.add(words("hours.from.to", time(open[0]), time(open[1])));
		}
		return list(parts);
	}

	/** "9am", "12:30pm", "midday": GOV.UK writes am and pm in lower case. */
	String time(LocalTime time) {
		if (time.equals(LocalTime.NOON)) {
			return words("hours.midday");
		}
		String pattern = words(time.getMinute() == 0 ? "hours.time" : "hours.time.minutes");
		return DateTimeFormatter.ofPattern(pattern, Dates.locale(this.text))
			.format(time)
			.toLowerCase(Dates.locale(this.text));
	}

	/** "Monday to Friday", "Monday and Wednesday", "Monday, Wednesday and Friday". */
	private String days(List<DayOfWeek> days) {
		boolean run = days.size() > 2;
		for (int i = 1; i < days.size() && run; i++) {
			run = days.get(i).getValue() == days.get(i - 1).getValue() + 1;
		}
		if (run) {
			return words("hours.from.to", name(days.get(0)), name(days.get(days.size() - 1)));
		}
		return list(days.stream().map(this::name).toList());
	}

	private String list(List<String> items) {
		return list(items, this.text);
	}

	/** "a", "a and b", "a, b and c". */
	static String list(List<String> items, MessageSourceAccessor text) {
		String last = items.get(items.size() - 1);
		if (items.size() == 1) {
			return last;
		}
		String rest = items.subList(0, items.size() - 1)
			.stream()
			.reduce((a, b) -> text.getMessage("hours.list", new Object[] { a, b }))
			.orElseThrow();
		return text.getMessage("hours.list.last", new Object[] { rest, last });
	}

	private String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Dates.locale(this.text));
	}

}
