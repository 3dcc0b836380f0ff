package uk.signpost.web;

import java.io.File;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real headless Chromium for the journeys: Debian's /usr/bin/chromium and chromedriver,
 * which .ci/run installs (never a downloaded driver), and axe-core's check of a page.
 */
final class Browser {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private Browser() {
	}

	static boolean available() {
		return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
	}

	/** A browser with JavaScript on or off, this many pixels wide. */
	static WebDriver open(boolean javascript, int width) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + ",900");
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		// The console, to see what the Content-Security-Policy refused.
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
		WebDriver browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(width, 900));
		return browser;
	}

	/**
	 * axe-core's WCAG 2.2 A and AA rules find nothing on the page, and the console shows
	 * no script or style the Content-Security-Policy refused. axe-core runs as a script:
	 * only in a browser with JavaScript on.
	 */
	static void accessible(WebDriver browser) {
		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll()).map(LogEntry::getMessage)
			.as(browser.getCurrentUrl())
			.noneMatch(message -> message.contains("Content Security Policy") || message.contains("htmx:"));
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze(browser);
		List<String> violations = results.getViolations()
			.stream()
			.map((Rule rule) -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes().size() + " at "
					+ rule.getNodes().get(0).getTarget())
			.toList();
		assertThat(violations).as(browser.getCurrentUrl()).isEmpty();
	}

}
