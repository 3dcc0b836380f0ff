package uk.signpost.directory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

	/** The shipped words, read as the site reads them. */
	private static final MessageSourceAccessor TEXT = text();

	private static MessageSourceAccessor text() {
		ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
		messages.setBasename("file:content/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new MessageSourceAccessor(messages, Locale.UK);
	}

	private static OpeningHours hours(Service.Schedule... schedules) {
		return new OpeningHours(List.of(schedules), TEXT);
	}

	private static Service.Schedule weekly(String byday, String opens, String closes) {
		return new Service.Schedule("s", null, null, null, null, null, null, null, null, "WEEKLY", 1, byday, null, null,
				null, null, LocalTime.parse(opens), LocalTime.parse(closes), null, null, null);
	}

	@Test
	void weekdaysReadAsARangeAndOtherDaysAsAList() {
		OpeningHours hours = hours(weekly("MO,TU,WE,TH,FR", "09:00", "17:00"), weekly("SA", "10:00", "12:30"));
		assertThat(hours.sentence()).isEqualTo("Monday to Friday, 9am to 5pm; Saturday, 10am to 12:30pm");
		assertThat(hours.table()).containsEntry("Sunday", "Closed").containsEntry("Saturday", "10am to 12:30pm");

		OpeningHours some = hours(weekly("MO,WE", "10:00", "12:00"), weekly("MO", "10:00", "12:00"));
		assertThat(some.sentence()).isEqualTo("Monday and Wednesday, 10am to midday");
		OpeningHours split = hours(weekly("MO,WE,FR", "09:00", "12:00"), weekly("MO,WE,FR", "13:15", "17:00"),
				weekly("MO,WE,FR", "18:00", "20:00"));
		assertThat(split.sentence())
			.isEqualTo("Monday, Wednesday and Friday, 9am to midday, 1:15pm to 5pm and 6pm to 8pm");
	}

	@Test
	void itSaysWhetherItIsOpenNowOrWhenItOpens() {
		OpeningHours hours = hours(weekly("MO,TU,WE,TH,FR", "09:00", "17:00"));
		ZoneId london = ZoneId.of("Europe/London");
		// 25 November 2026 is a Wednesday.
		assertThat(hours.now(ZonedDateTime.of(2026, 11, 25, 10, 0, 0, 0, london))).isEqualTo("Open now until 5pm");
		assertThat(hours.now(ZonedDateTime.of(2026, 11, 25, 18, 0, 0, 0, london)))
			.isEqualTo("Closed now. Opens tomorrow at 9am");
		assertThat(hours.now(ZonedDateTime.of(2026, 11, 28, 11, 0, 0, 0, london)))
			.isEqualTo("Closed now. Opens Monday at 9am");
	}

}
