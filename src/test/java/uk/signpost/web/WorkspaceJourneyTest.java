package uk.signpost.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.signpost.MailWebTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.PublisherContacts;
import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;
import uk.signpost.staff.Staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workspace's journeys in real headless Chromium, with mail to a real SMTP server in
 * the tests' process: a resident reports a problem, the publisher's contact gets the
 * email, a curator signs in, opens the report, marks it sent then fixed, and the service
 * page no longer says a problem is being checked; a publisher's member of staff records a
 * check and the public page says who checked it. axe-core checks each workspace page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "signpost.demo-data=false", "signpost.site-url=https://signpost.example.org" })
class WorkspaceJourneyTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-workspace-");

	static final GreenMail MAIL = MailWebTest.MAIL;

	static final String PASSWORD = "correct horse battery staple";

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	static final String FEED = """
			[{"id": "pantry", "name": "Preston Pantry", "status": "active", "description": "Low-cost food club",
			  "assured_date": "2026-10-01",
			  "organization": {"id": "org", "name": "Pantry Network", "description": "Food clubs"},
			  "phones": [{"id": "p1", "number": "01632 960111"}],
			  "service_at_locations": [{"id": "sal", "location": {"id": "loc", "location_type": "physical",
			    "name": "Market Hall", "latitude": 53.7590, "longitude": -2.6995,
			    "addresses": [{"id": "adr", "address_1": "Earl Street", "city": "Preston", "postal_code": "PR1 2JA",
			      "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}}]},
			 {"id": "lunch", "name": "Lunch Club", "status": "active", "description": "A hot lunch on Tuesdays",
			  "assured_date": "2024-05-01", "phones": [{"id": "p2", "number": "01632 960222"}]}]""";

	static final String PANTRY = RecordId.of("county", "service", "pantry");

	static final String LUNCH = RecordId.of("county", "service", "lunch");

	@LocalServerPort
	int port;

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex index;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	PublisherContacts contacts;

	@Autowired
	uk.signpost.quality.QualityReports quality;

	WebDriver browser;

	@BeforeEach
	void directory() throws Exception {
		assumeTrue(Browser.available(), "Chromium and chromedriver are installed");
		TestDirectory.clear(this.jdbc);
		Staffing.reset(this.jdbc);
		this.jdbc.update("DELETE FROM rate_limit");
		this.index.rebuild();
		MAIL.purgeEmailFromAllMailboxes();
		Path feed = Files.writeString(DATA_DIR.resolve("feed.json"), FEED);
		assertThat(this.importer.importFeed(new FeedSource.Files(feed), "county", "County").succeeded()).isTrue();
		this.contacts.set("county", "directory@county.example.org", Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("cal@county.example.org", "Cal Curator",
				"Lancashire County Council", Role.CURATOR, Set.of(), PASSWORD), Instant.now());
		this.accounts.add(new StaffAccounts.NewAccount("pat@pantry.example.org", "Pat Publisher", "Pantry Network",
				Role.PUBLISHER, Set.of("county"), PASSWORD), Instant.now());
		this.browser = Browser.open(true, 1000);
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void click(String text) {
		this.browser.findElement(By.xpath("//*[(self::a or self::button) and normalize-space(.)='" + text + "']"))
			.click();
	}

	private String body() {
		return this.browser.findElement(By.tagName("body")).getText();
	}

	private void signIn(String email) {
		this.browser.get(url("/manage"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/sign-in");
		Browser.accessible(this.browser);
		this.browser.findElement(By.id("email")).sendKeys(email);
		this.browser.findElement(By.id("password")).sendKeys(PASSWORD);
		click("Sign in");
		// A click that submits a form returns before the next page has loaded.
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(b -> !b.getCurrentUrl().endsWith("/sign-in"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/manage");
		Browser.accessible(this.browser);
	}

	@Test
	void aReportGoesToThePublisherAndACuratorSeesItThroughToFixed() throws Exception {
		// A resident reports a wrong phone number.
		this.browser.get(url("/services/" + PANTRY));
		click("Report a problem with this service");
		Browser.accessible(this.browser);
		this.browser.findElement(By.id("problem-phone")).click();
		this.browser.findElement(By.id("correction")).sendKeys("The number is now 01632 960999");
		this.browser.findElement(By.id("email")).sendKeys("resident@example.org");
		click("Send report");
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/sent"));
		assertThat(body()).contains("Thank you for telling us");

		// The publisher's contact is told, with a link to the service and no resident's
		// email.
		assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage toPublisher = MAIL.getReceivedMessagesForDomain("county.example.org")[0];
		String mail = GreenMailUtil.getBody(toPublisher);
		assertThat(mail).contains("01632 960999").contains("https://signpost.example.org/services/" + PANTRY);
		assertThat(mail).doesNotContain("resident@example.org");

		// While it is open, the service page says a problem is being checked.
		this.browser.get(url("/services/" + PANTRY));
		assertThat(body()).contains("Someone reported a problem with this information on");

		// A curator signs in and takes it through: sent to the publisher, then fixed.
		signIn("cal@county.example.org");
		click("Problem reports");
		Browser.accessible(this.browser);
		assertThat(body()).contains("Preston Pantry");
		this.browser.findElement(By.cssSelector("a[href^='/manage/reports/']")).click();
		Browser.accessible(this.browser);
		assertThat(body()).contains("The number is now 01632 960999");
		this.browser.findElement(By.id("state-sent")).click();
		click("Save state");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("state-fixed")));
		assertThat(body()).contains("Sent to publisher");
		this.browser.findElement(By.id("state-fixed")).click();
		click("Save state");
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.invisibilityOfElementLocated(By.id("state-fixed")));
		Browser.accessible(this.browser);
		assertThat(body()).contains("Fixed");

		// The notice has gone, the resident was told, and their address is no longer
		// kept.
		this.browser.get(url("/services/" + PANTRY));
		assertThat(body()).doesNotContain("Someone reported a problem");
		assertThat(MAIL.waitForIncomingEmail(10_000, 2)).isTrue();
		assertThat(MAIL.getReceivedMessagesForDomain("example.org")).isNotEmpty();
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(b -> this.jdbc
			.queryForObject("SELECT COUNT(*) FROM feedback WHERE email IS NOT NULL", Integer.class) == 0);
		assertThat(this.jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'cal@county.example.org'",
				String.class))
			.contains("signed-in", "report-state");
	}

	@Test
	void aPublishersMemberOfStaffRecordsACheckThatThePublicPageShows() {
		this.browser.get(url("/services/" + LUNCH));
		assertThat(body()).doesNotContain("Pat Publisher");
		signIn("pat@pantry.example.org");
		click("Reviews");
		Browser.accessible(this.browser);
		assertThat(body()).contains("Lunch Club");
		this.browser.findElement(By.cssSelector("form[action='/manage/reviews/" + LUNCH + "/check'] button")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "as checked"));
		Browser.accessible(this.browser);

		this.browser.get(url("/services/" + LUNCH));
		String today = LocalDate.now(uk.signpost.directory.Validity.UK)
			.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
		assertThat(body()).contains("Checked on " + today + " by Pat Publisher, Pantry Network");
		assertThat(body()).doesNotContain("pat@pantry.example.org");
	}

	@Test
	void signingOutEndsTheWorkspaceAndAPublisherCannotOpenAccounts() {
		signIn("pat@pantry.example.org");
		this.browser.get(url("/manage/accounts"));
		assertThat(body()).contains("You cannot open this page").doesNotContain("Add an account");
		Browser.accessible(this.browser);
		this.browser.get(url("/manage"));
		click("Sign out");
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("signed-out"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/sign-in?signed-out");
		assertThat(body()).contains("You have signed out");
		this.browser.get(url("/manage/reports"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/sign-in");
	}

	@Test
	void aPublishersMemberOfStaffFollowsAQualityCheckToTheRecordsThatFailIt() {
		this.quality.check("county");
		signIn("pat@pantry.example.org");
		click("Data quality");
		Browser.accessible(this.browser);
		click("County");
		Browser.accessible(this.browser);
		assertThat(body()).contains("Opening hours").contains("0 of 2");
		click("Opening hours");
		Browser.accessible(this.browser);
		assertThat(body()).contains("Preston Pantry").contains("Lunch Club").contains("Add a schedule");
		this.browser.get(url("/publishers/county"));
		Browser.accessible(this.browser);
		assertThat(body()).contains("County").contains("Data quality score").doesNotContain("01632 960111");
	}

	/**
	 * On a 360 px phone the checks table shows each check's score without scrolling (it
	 * was off-screen: the new-user trial), the page does not scroll sideways, and the box
	 * that scrolls the rest takes keyboard focus and is named by the table's caption.
	 */
	@Test
	void theQualityChecksFitA360PixelScreen() {
		this.browser.quit();
		this.browser = Browser.open(true, 360);
		this.quality.check("county");
		signIn("pat@pantry.example.org");
		this.browser.get(url("/manage/quality/county"));
		Browser.accessible(this.browser);
		JavascriptExecutor script = (JavascriptExecutor) this.browser;
		long screen = (Long) script.executeScript("return document.documentElement.clientWidth;");
		assertThat((Long) script.executeScript("return document.documentElement.scrollWidth;"))
			.isLessThanOrEqualTo(screen);
		Rectangle score = this.browser
			.findElement(By.xpath("//table[caption='Checks']//th[normalize-space(.)='Score']"))
			.getRect();
		assertThat(score.getX() + score.getWidth()).isLessThanOrEqualTo((int) screen);
		WebElement box = this.browser
			.findElement(By.xpath("//table[caption='Checks']/ancestor::div[@class='signpost-table-scroll']"));
		assertThat(box.getAttribute("tabindex")).isEqualTo("0");
		assertThat(box.getAttribute("role")).isEqualTo("region");
		assertThat(box.getAttribute("aria-label")).isEqualTo("Checks");
	}

}
