package uk.signpost.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;
import uk.signpost.directory.ServiceRepository;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;

/**
 * On first start, when the directory has no services, writes the demo directory to files
 * and imports it through the same importer as any publisher's feed.
 * signpost.demo-data=false turns it off. Also makes a demo curator to sign in with.
 */
@Component
@ConditionalOnWebApplication
@Order(1)
class DemoDirectoryLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectoryLoader.class);

	static final String DEMO_CURATOR = "demo-curator@example.org";

	private final SignpostProperties properties;

	private final ServiceRepository services;

	private final Importer importer;

	private final StaffAccounts accounts;

	DemoDirectoryLoader(SignpostProperties properties, ServiceRepository services, Importer importer,
			StaffAccounts accounts) {
		this.properties = properties;
		this.services = services;
		this.importer = importer;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.isDemoData()) {
			return;
		}
		if (this.services.count() == 0) {
			try {
				load();
			}
			catch (Importer.AlreadyImporting ex) {
				// Another node, started at the same time on the same empty database.
				log.info("Not loading the demo directory: {}", ex.getMessage());
				return;
			}
		}
		demoCurator();
	}

	/**
	 * So that someone trying Signpost can open the workspace: while the demo directory is
	 * loaded and nobody has an account, a demo curator with a random password, printed
	 * here once and kept nowhere else.
	 */
	private void demoCurator() {
		if (!this.accounts.all().isEmpty() || this.services.count() == 0) {
			return;
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.accounts.add(new StaffAccounts.NewAccount(DEMO_CURATOR, "Demo Curator", DemoDirectory.PUBLISHER_NAME,
				Role.CURATOR, Set.of(), password), Instant.now());
		log.info("Demo workspace: sign in at /sign-in as {} with the password {} (shown only this once)", DEMO_CURATOR,
				password);
	}

	private void load() throws IOException {
		Path folder = this.properties.getDataDir().resolve("demo");
		if (this.properties.getDemoPublishers() == 3) {
			DemoPublishers.Summary summary = DemoPublishers.write(folder, this.properties.getDemoServices(),
					DemoDirectory.DEFAULT_SEED, LocalDate.now());
			log.info("Loading the demo directory from three publishers: {} records of {} services", summary.total(),
					summary.services());
			ImportReport failed = DemoPublishers.load(this.importer, folder);
			if (failed != null) {
				throw new IllegalStateException("The demo directory did not load: " + failed.failure());
			}
			return;
		}
		DemoDirectory.Summary summary = DemoDirectory.write(folder, this.properties.getDemoServices(),
				DemoDirectory.DEFAULT_SEED, LocalDate.now());
		log.info("Loading the demo directory: {} services from {} organisations at {} locations", summary.services(),
				summary.organisations(), summary.locations());
		ImportReport report = this.importer.importFeed(new FeedSource.Files(folder), DemoDirectory.PUBLISHER,
				DemoDirectory.PUBLISHER_NAME);
		if (!report.succeeded()) {
			throw new IllegalStateException("The demo directory did not load: " + report.failure());
		}
	}

}
