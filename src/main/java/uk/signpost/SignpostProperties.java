package uk.signpost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Signpost's settings, under "signpost." in application.yml. */
@ConfigurationProperties("signpost")
public class SignpostProperties {

	/** Where all state lives: the H2 database, the search index, downloaded feeds. */
	private Path dataDir = Path.of("data");

	/** Load the generated demo directory on start when the database has no services. */
	private boolean demoData = true;

	/** How many services the demo directory has. */
	private int demoServices = 2400;

	/** How long one HTTP request to a publisher's API may take. */
	private Duration httpTimeout = Duration.ofSeconds(30);

	/** Publishers' ORUK APIs to pull on start and then on a schedule. */
	private List<Feed> feeds = new ArrayList<>();

	public Path getDataDir() {
		return this.dataDir;
	}

	public void setDataDir(Path dataDir) {
		this.dataDir = dataDir;
	}

	public boolean isDemoData() {
		return this.demoData;
	}

	public void setDemoData(boolean demoData) {
		this.demoData = demoData;
	}

	public int getDemoServices() {
		return this.demoServices;
	}

	public void setDemoServices(int demoServices) {
		this.demoServices = demoServices;
	}

	public Duration getHttpTimeout() {
		return this.httpTimeout;
	}

	public void setHttpTimeout(Duration httpTimeout) {
		this.httpTimeout = httpTimeout;
	}

	public List<Feed> getFeeds() {
		return this.feeds;
	}

	public void setFeeds(List<Feed> feeds) {
		this.feeds = feeds;
	}

	/** One publisher's feed: name is the publisher id, url the base of its ORUK API. */
	public static class Feed {

		private String name;

		private String title;

		private String url;

		/**
		 * How often to fetch what changed (modified_after); null or zero means only on
		 * start.
		 */
		private Duration refresh = Duration.ofHours(6);

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

		public Duration getRefresh() {
			return this.refresh;
		}

		public void setRefresh(Duration refresh) {
			this.refresh = refresh;
		}

	}

}
