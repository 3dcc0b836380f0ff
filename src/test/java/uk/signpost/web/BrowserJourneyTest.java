package uk.signpost.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.signpost.TestDirectory;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A resident's journey in real headless Chromium, with JavaScript on (htmx swaps the
 * results) and off (the Apply button reloads), and at 320 pixels wide; axe-core checks
 * every page type on the way. Needs /usr/bin/chromium and /usr/bin/chromedriver, which
 * .ci/run installs; never downloads a driver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "signpost.demo-data=false" })
class BrowserJourneyTest {

	static final Path DATA_DIR = TestDirectory.newDataDir("signpost-browser-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	static final String FEED = """
			[{"id": "pantry", "name": "Preston Pantry", "status": "active", "description": "Low-cost food club",
			  "assured_date": "2026-10-01",
			  "organization": {"id": "org", "name": "Pantry Network", "description": "Food clubs"},
			  "schedules": [{"id": "s", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00", "closes_at": "17:00"}],
			  "phones": [{"id": "p1", "number": "01632 960111"}],
			  "service_at_locations": [{"id": "sal", "location": {"id": "loc", "location_type": "physical",
			    "name": "Market Hall", "latitude": 53.7590, "longitude": -2.6995,
			    "addresses": [{"id": "adr", "address_1": "Earl Street", "city": "Preston", "postal_code": "PR1 2JA",
			      "country": "GB", "state_province": "Lancashire", "address_type": "physical"}]}}]},
			 {"id": "helpline", "name": "Money Helpline", "status": "active", "description": "Debt advice by phone",
			  "assured_date": "2026-09-01", "phones": [{"id": "p2", "number": "0800 000 000"}]}]""";

	@LocalServerPort
	int port;

	@Autowired
	Importer importer;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	SearchIndex index;

	WebDriver browser;

	/** axe-core runs as a script: checked in the JavaScript runs only. */
	boolean javascript;

	@BeforeEach
	void directory() throws IOException {
		assumeTrue(Browser.available(), "Chromium and chromedriver are installed");
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		Path feed = Files.writeString(DATA_DIR.resolve("feed.json"), FEED);
		assertThat(this.importer.importFeed(new FeedSource.Files(feed), "county", "County").succeeded()).isTrue();
	}

	@AfterEach
	void close() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private WebDriver open(boolean javascript, int width) {
		this.javascript = javascript;
		this.browser = Browser.open(javascript, width);
		return this.browser;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * axe-core and the console find nothing wrong (Browser.accessible), with JavaScript
	 * on.
	 */
	private void accessible(WebDriver browser) {
		if (this.javascript) {
			Browser.accessible(browser);
		}
	}

	private void search(WebDriver browser) {
		browser.get(url("/"));
		accessible(browser);
		browser.findElement(By.id("where")).sendKeys("PR1 2JA");
		browser.findElement(By.cssSelector("button.govuk-button--start")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "2 services near PR1 2JA"));
		accessible(browser);
	}

	/** Back comes to the same results (as a tidy address: empty fields left out). */
	private void openServiceAndComeBack(WebDriver browser) {
		follow(browser, browser.findElement(By.linkText("Money Helpline")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Money Helpline");
		// Through Signpost, which counts the click and sends the person on to tel:.
		assertThat(browser.findElement(By.linkText("0800 000 000")).getAttribute("href")).endsWith("/go/phone");
		// Copying needs JavaScript; without it the same text is in a Details component.
		assertThat(browser.findElement(By.id("copy-contact")).isDisplayed()).isEqualTo(this.javascript);
		browser.findElement(By.className("govuk-details__summary")).click();
		assertThat(browser.findElement(By.id("contact-text")).getText())
			.startsWith("Money Helpline\nPhone: 0800 000 000");
		accessible(browser);
		// Kept for later: the list counts it, prints it on one page, and back still
		// works.
		follow(browser, browser.findElement(By.xpath("//button[normalize-space()='Add to your list']")));
		assertThat(browser.findElement(By.linkText("Your list (1)")).isDisplayed()).isTrue();
		follow(browser, browser.findElement(By.linkText("Your list (1)")));
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Money Helpline", "Phone: 0800 000 000");
		accessible(browser);
		follow(browser, browser.findElement(By.linkText("Print this list")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Services from Signpost");
		browser.navigate().back();
		browser.navigate().back();
		follow(browser, browser.findElement(By.linkText("Back to results")));
		assertThat(browser.getCurrentUrl()).contains("where=PR1+2JA").contains("delivery=phone");
		assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1 service near PR1 2JA");
	}

	/** Clicks something that loads another page, and waits until the old one has gone. */
	private static void follow(WebDriver browser, WebElement target) {
		WebElement page = browser.findElement(By.tagName("html"));
		target.click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return true;
			}
			catch (org.openqa.selenium.WebDriverException ex) {
				// Chromium's word for the same thing when asked mid-navigation.
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		});
	}

	/** Clicks the checkbox whose label starts with these words, as a person would. */
	private static void tick(WebDriver browser, String label) {
		browser.findElements(By.cssSelector(".govuk-checkboxes__label"))
			.stream()
			.filter(element -> element.getText().startsWith(label))
			.findFirst()
			.orElseThrow()
			.click();
	}

	@Test
	void withJavaScriptAFilterSwapsTheResultsAndTheAddress() {
		WebDriver browser = open(true, 1200);
		search(browser);
		tick(browser, "By phone");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1 service near PR1 2JA"));
		wait.until(ExpectedConditions.urlContains("delivery=phone"));
		assertThat(browser.findElement(By.id("announcement")).getAttribute("textContent"))
			.isEqualTo("1 service near PR1 2JA");
		// Focus stays on the checkbox that was changed.
		assertThat(browser.switchTo().activeElement().getAttribute("value")).isEqualTo("phone");
		accessible(browser);
		openServiceAndComeBack(browser);
	}

	/** A frontline worker on a call: the compact list, two ticked, both kept at once. */
	@Test
	void inTheCompactViewSeveralServicesGoOnTheListAtOnce() {
		WebDriver browser = compactResults();
		String address = browser.getCurrentUrl();
		assertThat(address).contains("view=compact");
		List<WebElement> ticks = browser.findElements(By.cssSelector("input[form='keep'] + label"));
		assertThat(ticks).hasSize(2);
		ticks.forEach(WebElement::click);
		// Ticking is not a filter: no htmx swap, the ticks stay.
		assertThat(browser.getCurrentUrl()).isEqualTo(address);
		assertThat(browser.findElements(By.cssSelector("input[form='keep']:checked"))).hasSize(2);
		accessible(browser);
		addSelected(browser);
		assertThat(browser.getCurrentUrl()).isEqualTo(address);
		assertThat(browser.findElement(By.linkText("Your list (2)")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector("input[form='keep']"))).isEmpty();
	}

	/**
	 * "Add selected" with nothing ticked: an error on the same results, then it works.
	 */
	@Test
	void inTheCompactViewAddingNothingSaysWhatToDo() {
		WebDriver browser = compactResults();
		addSelected(browser);
		WebElement summary = browser.findElement(By.cssSelector(".govuk-error-summary"));
		assertThat(summary.getText()).contains("Select at least one service to add to your list");
		assertThat(browser.getTitle()).startsWith("Error: ");
		assertThat(browser.findElement(By.id("keep-error")).isDisplayed()).isTrue();
		accessible(browser);
		summary.findElement(By.linkText("Select at least one service to add to your list")).click();
		assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("keep-1");
		browser.findElement(By.cssSelector("label[for='keep-1']")).click();
		addSelected(browser);
		assertThat(browser.findElement(By.linkText("Your list (1)")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector(".govuk-error-summary"))).isEmpty();
	}

	/** The search's results in the compact view, with JavaScript. */
	private WebDriver compactResults() {
		WebDriver browser = open(true, 1200);
		search(browser);
		follow(browser, browser.findElement(By.linkText("Show a compact list with phone numbers")));
		return browser;
	}

	private void addSelected(WebDriver browser) {
		follow(browser, browser.findElement(By.xpath("//button[normalize-space()='Add selected to your list']")));
	}

	@Test
	void withoutJavaScriptTheApplyButtonDoesTheSame() {
		WebDriver browser = open(false, 1200);
		search(browser);
		tick(browser, "By phone");
		assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("2 services near PR1 2JA");
		follow(browser, browser.findElements(By.xpath("//button[normalize-space()='Apply filters']")).get(0));
		assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("1 service near PR1 2JA");
		assertThat(browser.getCurrentUrl()).contains("delivery=phone");
		openServiceAndComeBack(browser);
	}

	@Test
	void aProblemIsReportedWithTheErrorSummaryOnTheWay() {
		WebDriver browser = open(true, 1200);
		browser.get(url("/services/" + uk.signpost.directory.RecordId.of("county", "service", "pantry")));
		follow(browser, browser.findElement(By.linkText("Report a problem with this service")));
		accessible(browser);
		follow(browser, browser.findElement(By.xpath("//button[normalize-space()='Send report']")));
		assertThat(browser.findElement(By.className("govuk-error-summary")).getText()).contains("Select what is wrong");
		// GOV.UK Frontend moves focus to the summary, so screen readers hear it first.
		assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("govuk-error-summary");
		accessible(browser);
		browser.findElement(By.cssSelector("label[for='problem-closed']")).click();
		follow(browser, browser.findElement(By.xpath("//button[normalize-space()='Send report']")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Report sent");
		accessible(browser);
		assertThat(this.jdbc.queryForObject("SELECT problem FROM feedback", String.class)).isEqualTo("closed");
	}

	/**
	 * Presses Tab until the focused element is the one wanted; fails after 60 presses.
	 */
	private static WebElement tabTo(WebDriver browser, java.util.function.Predicate<WebElement> wanted) {
		for (int i = 0; i < 60; i++) {
			new Actions(browser).sendKeys(Keys.TAB).perform();
			WebElement focused = browser.switchTo().activeElement();
			if (wanted.test(focused)) {
				return focused;
			}
		}
		throw new AssertionError("Tab never reached the element");
	}

	@Test
	void theJourneyWorksWithTheKeyboardAloneAndFocusIsVisible() {
		WebDriver browser = open(true, 1200);
		browser.get(url("/"));
		new Actions(browser).sendKeys(Keys.TAB).perform();
		assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
		WebElement where = tabTo(browser, e -> "where".equals(e.getAttribute("id")));
		where.sendKeys("PR1 2JA" + Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "2 services near PR1 2JA"));
		WebElement link = tabTo(browser, e -> "Money Helpline".equals(e.getText()));
		// GOV.UK's focus style: a yellow background on links.
		assertThat(link.getCssValue("background-color")).isEqualTo("rgba(255, 221, 0, 1)");
		new Actions(browser).sendKeys(Keys.ENTER).perform();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Money Helpline");
		WebElement add = tabTo(browser, e -> "Add to your list".equals(e.getText()));
		add.sendKeys(Keys.ENTER);
		assertThat(browser.findElement(By.linkText("Your list (1)")).isDisplayed()).isTrue();
	}

	@Test
	void theOtherPagesPassAxeToo() {
		WebDriver browser = open(true, 1200);
		for (String path : List.of("/accessibility", "/privacy", "/services/nope", "/list", "/list/print",
				"/search?where=Atlantis", "/search?q=nothing-matches-this", "/search?where=PR1%202JA&view=compact")) {
			browser.get(url(path));
			accessible(browser);
		}
	}

	@Test
	void atThreeHundredAndTwentyPixelsNothingScrollsSideways() {
		WebDriver browser = open(true, 320);
		for (String path : List.of("/", "/search?where=PR1%202JA", "/search?where=PR1%202JA&view=compact",
				"/services/" + uk.signpost.directory.RecordId.of("county", "service", "pantry"))) {
			browser.get(url(path));
			long scroll = (Long) ((JavascriptExecutor) browser)
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(scroll).as(path).isLessThanOrEqualTo(320);
		}
	}

	/**
	 * On a phone a service's first phone number is on the first screen, above the long
	 * sections, and its venue offers directions; the page passes axe there too.
	 */
	@Test
	void onAPhoneTheServicesNumberIsOnTheFirstScreen() {
		WebDriver browser = open(true, 320);
		browser.get(url("/services/" + uk.signpost.directory.RecordId.of("county", "service", "pantry")));
		WebElement phone = browser.findElement(By.cssSelector("a[href$='/go/phone']"));
		assertThat(phone.getText()).isEqualTo("01632 960111");
		long screen = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerHeight;");
		assertThat(phone.getLocation().getY() + phone.getSize().getHeight()).isLessThanOrEqualTo((int) screen);
		assertThat(browser.findElement(By.partialLinkText("Directions to Market Hall")).getAttribute("href"))
			.isEqualTo("https://www.openstreetmap.org/directions?to=53.75900,-2.69950");
		accessible(browser);
	}

	/**
	 * On a phone the results come first: the filters fold behind a button, and stay open
	 * once opened.
	 */
	@Test
	void onAPhoneTheFiltersFoldAwayUntilAskedFor() {
		WebDriver browser = open(true, 320);
		search(browser);
		WebElement toggle = browser.findElement(By.id("filter-toggle"));
		assertThat(toggle.getText()).isEqualTo("Show filters");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.findElement(By.id("filter-panel")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("result-count")).getLocation().getY()).isLessThan(900);
		assertThat(browser.findElement(By.cssSelector(".signpost-skip-results a")).isDisplayed()).isFalse();

		toggle.click();
		assertThat(browser.findElement(By.id("filter-panel")).isDisplayed()).isTrue();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		tick(browser, "By phone");
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("result-count"), "1 service near PR1 2JA"));
		assertThat(browser.findElement(By.id("filter-panel")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("filter-toggle")).getText()).isEqualTo("Hide filters (1 selected)");
		accessible(browser);
	}

	@Test
	void onAPhoneWithoutJavaScriptALinkSkipsOverTheFilters() {
		WebDriver browser = open(false, 320);
		search(browser);
		assertThat(browser.findElements(By.id("filter-toggle"))).isEmpty();
		WebElement skip = browser.findElement(By.linkText("Skip to results"));
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(skip.getAttribute("href")).endsWith("#results");
	}

}
