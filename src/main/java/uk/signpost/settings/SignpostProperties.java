package uk.signpost.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Signpost's settings, under "signpost." in application.yml. */
@ConfigurationProperties("signpost")
public class SignpostProperties {

	/** Where all state lives: the H2 database, the search index, downloaded feeds. */
	private Path dataDir = Path.of("data");

	/**
	 * A folder of content that replaces what ships in content/, file by file: pages,
	 * needs to browse, search lists, interface text. None: only what ships.
	 */
	private Path contentDir;

	public Path getContentDir() {
		return this.contentDir;
	}

	public void setContentDir(Path contentDir) {
		this.contentDir = contentDir;
	}

	/** Load the generated demo directory on start when the database has no services. */
	private boolean demoData = true;

	/** How many services the demo directory has. */
	private int demoServices = 2400;

	/**
	 * 1 for one demo publisher, 3 for a council, an NHS trust and a voluntary network
	 * whose feeds overlap (issue 17).
	 */
	private int demoPublishers = 1;

	/** How long one HTTP request to a publisher's API may take. */
	private Duration httpTimeout = Duration.ofSeconds(30);

	/** The site's own address, for links in the emails it sends. */
	private String siteUrl = "http://localhost:8080";

	/** Who the emails Signpost sends are from. */
	private String mailFrom = "Signpost <no-reply@signpost.example.org>";

	public String getSiteUrl() {
		return this.siteUrl;
	}

	public void setSiteUrl(String siteUrl) {
		this.siteUrl = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
	}

	public String getMailFrom() {
		return this.mailFrom;
	}

	public void setMailFrom(String mailFrom) {
		this.mailFrom = mailFrom;
	}

	/** Publishers' ORUK APIs to pull on start and then on a schedule. */
	private List<Feed> feeds = new ArrayList<>();

	/** What one import may do and read before it stops. */
	private final Limits limits = new Limits();

	public Limits getLimits() {
		return this.limits;
	}

	/** When services are due to be checked again, and the weekly reminder. */
	private final Reviews reviews = new Reviews();

	public Reviews getReviews() {
		return this.reviews;
	}

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

	public int getDemoPublishers() {
		return this.demoPublishers;
	}

	public void setDemoPublishers(int demoPublishers) {
		this.demoPublishers = demoPublishers;
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

		/**
		 * Where this publisher's problem reports and review reminders go; none: the
		 * contact staff set in the workspace, or the feed's own organization.email.
		 */
		private String contactEmail;

		public String getContactEmail() {
			return this.contactEmail;
		}

		public void setContactEmail(String contactEmail) {
			this.contactEmail = contactEmail;
		}

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

	/**
	 * Guards on one import: a feed that would withdraw much of a directory at once, or a
	 * publisher's API that never ends, stops instead.
	 */
	public static class Limits {

		/**
		 * The largest share of a publisher's services one full import may withdraw; more
		 * is held back unless the import is run with --allow-withdraw.
		 */
		private double withdrawShare = 0.2;

		/** The most pages read from one publisher's API in one import. */
		private int maxPages = 10_000;

		/** The most bytes read from one publisher's API in one import. */
		private DataSize maxFeedSize = DataSize.ofGigabytes(2);

		/** The largest single response read from a publisher's API. */
		private DataSize maxResponseSize = DataSize.ofMegabytes(50);

		/**
		 * Hosts a publisher's API may redirect to, besides its own; other redirects are
		 * refused.
		 */
		private List<String> redirectHosts = new ArrayList<>();

		public double getWithdrawShare() {
			return this.withdrawShare;
		}

		public void setWithdrawShare(double withdrawShare) {
			this.withdrawShare = withdrawShare;
		}

		public int getMaxPages() {
			return this.maxPages;
		}

		public void setMaxPages(int maxPages) {
			this.maxPages = maxPages;
		}

		public DataSize getMaxFeedSize() {
			return this.maxFeedSize;
		}

		public void setMaxFeedSize(DataSize maxFeedSize) {
			this.maxFeedSize = maxFeedSize;
		}

		public DataSize getMaxResponseSize() {
			return this.maxResponseSize;
		}

		public void setMaxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
		}

		public List<String> getRedirectHosts() {
			return this.redirectHosts;
		}

		public void setRedirectHosts(List<String> redirectHosts) {
			this.redirectHosts = redirectHosts;
		}

	}

	/**
	 * How long a check lasts before a service is due for review, and when publishers are
	 * reminded of theirs.
	 */
	public static class Reviews {

		/** A service is due for review this long after its last check. */
		private Period defaultPeriod = Period.ofMonths(12);

		/**
		 * Shorter (or longer) periods for services in some categories, by taxonomy term:
		 * the key is a term's id, or words its name holds ("crisis" is "Crisis support"
		 * and "Mental health crisis"). A service in several takes the shortest.
		 */
		private Map<String, Period> periods = new LinkedHashMap<>();

		/** Services due within this long are listed as due soon. */
		private Period soon = Period.ofDays(30);

		/**
		 * When the weekly reminder goes to each publisher's contact (a Spring cron:
		 * second, minute, hour, day of month, month, day of week); "-" sends none.
		 */
		private String reminderCron = "0 0 7 * * MON";

		/** The time zone of reminder-cron, and of the week a reminder is sent in. */
		private String reminderZone = "Europe/London";

		public Period getDefaultPeriod() {
			return this.defaultPeriod;
		}

		public void setDefaultPeriod(Period defaultPeriod) {
			this.defaultPeriod = defaultPeriod;
		}

		public Map<String, Period> getPeriods() {
			return this.periods;
		}

		public void setPeriods(Map<String, Period> periods) {
			this.periods = periods;
		}

		public Period getSoon() {
			return this.soon;
		}

		public void setSoon(Period soon) {
			this.soon = soon;
		}

		public String getReminderCron() {
			return this.reminderCron;
		}

		public void setReminderCron(String reminderCron) {
			this.reminderCron = reminderCron;
		}

		public String getReminderZone() {
			return this.reminderZone;
		}

		public void setReminderZone(String reminderZone) {
			this.reminderZone = reminderZone;
		}

	}

	/** What the site records of how it is used (the workspace's Analytics). */
	private final Analytics analytics = new Analytics();

	public Analytics getAnalytics() {
		return this.analytics;
	}

	public static class Analytics {

		/** Record searches, service views, contact clicks and list additions. */
		private boolean enabled = true;

		/**
		 * How many days each recorded event is kept; the daily totals are kept for good.
		 */
		private int keepDays = 90;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getKeepDays() {
			return this.keepDays;
		}

		public void setKeepDays(int keepDays) {
			this.keepDays = keepDays;
		}

	}

	/** Where the search index lives (docs/adr/0004, 0017). */
	private final Search search = new Search();

	public Search getSearch() {
		return this.search;
	}

	public static class Search {

		/**
		 * lucene: an index in data-dir/index, one per node. opensearch: one index on an
		 * OpenSearch cluster (1.3, 2.x or 3.x) that every node shares.
		 */
		private String backend = "lucene";

		/** The OpenSearch cluster's address, for the opensearch backend. */
		private String opensearchUrl = "http://127.0.0.1:9200";

		/**
		 * The names on the cluster start with this: the alias searches use is
		 * "{name}-services", each built index "{name}-services-{format}-{time}". Sites
		 * sharing a cluster each need their own.
		 */
		private String opensearchIndex = "signpost";

		/**
		 * How many searches' answers are kept until the index next changes (Lucene only;
		 * docs/adr/0019). 0 keeps none: bench-search measures the search itself.
		 */
		private int answersKept = 500;

		public int getAnswersKept() {
			return this.answersKept;
		}

		public void setAnswersKept(int answersKept) {
			this.answersKept = answersKept;
		}

		public String getBackend() {
			return this.backend;
		}

		public void setBackend(String backend) {
			this.backend = backend;
		}

		public String getOpensearchUrl() {
			return this.opensearchUrl;
		}

		public void setOpensearchUrl(String opensearchUrl) {
			this.opensearchUrl = opensearchUrl;
		}

		public String getOpensearchIndex() {
			return this.opensearchIndex;
		}

		public void setOpensearchIndex(String opensearchIndex) {
			this.opensearchIndex = opensearchIndex;
		}

	}

}
