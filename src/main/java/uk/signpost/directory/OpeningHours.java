package uk.signpost.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A service's weekly opening hours in plain English: "Monday to Friday, 9am to 5pm", a
 * row per day, and whether it is open now or when it next opens.
 */
public final class OpeningHours {

	private static final List<String> CODES = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

	/** Opening times by day, in time order. */
	private final Map<DayOfWeek, List<LocalTime[]>> week = new EnumMap<>(DayOfWeek.class);

	/** What schedules say in words, for rules that are not simply weekly. */
	private final List<String> notes = new ArrayList<>();

	public OpeningHours(List<Service.Schedule> schedules) {
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
		byHours.forEach((hours, days) -> parts.add(days(days) + ", " + hours));
		return String.join("; ", parts);
	}

	/** Each day of the week with its hours, or "Closed". */
	public Map<String, String> table() {
		Map<String, String> rows = new LinkedHashMap<>();
		for (DayOfWeek day : DayOfWeek.values()) {
			List<LocalTime[]> times = this.week.get(day);
			rows.put(name(day), times == null ? "Closed" : hours(times));
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
				return "Open now until " + time(open[1]);
			}
		}
		for (int ahead = 0; ahead < 8; ahead++) {
			DayOfWeek day = now.getDayOfWeek().plus(ahead);
			for (LocalTime[] open : this.week.getOrDefault(day, List.of())) {
				if (ahead > 0 || open[0].isAfter(time)) {
					String when = ahead == 0 ? "today" : ahead == 1 ? "tomorrow" : name(day);
					return "Closed now. Opens " + when + " at " + time(open[0]);
				}
			}
		}
		return null;
	}

	private static String hours(List<LocalTime[]> times) {
		List<String> parts = new ArrayList<>();
		for (LocalTime[] open : times) {
			parts.add(time(open[0]) + " to " + time(open[1]));
		}
		return String.join(" and ", parts);
	}

	/** "9am", "12:30pm", "midday". */
	static String time(LocalTime time) {
		if (time.equals(LocalTime.NOON)) {
			return "midday";
		}
		int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		String minutes = time.getMinute() == 0 ? "" : String.format(":%02d", time.getMinute());
		return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
	}

	/** "Monday to Friday", "Monday and Wednesday", "Monday, Wednesday and Friday". */
	private static String days(List<DayOfWeek> days) {
		boolean run = days.size() > 2;
		for (int i = 1; i < days.size() && run; i++) {
			run = days.get(i).getValue() == days.get(i - 1).getValue() + 1;
		}
		if (run) {
			return name(days.get(0)) + " to " + name(days.get(days.size() - 1));
		}
		List<String> names = days.stream().map(OpeningHours::name).toList();
		return names.size() == 1 ? names.get(0)
				: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}

	private static String name(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.UK);
	}

}
