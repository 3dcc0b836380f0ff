package uk.signpost.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

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

/**
 * On first start, when the directory has no services, writes the demo directory to files
 * and imports it through the same importer as any publisher's feed.
 * signpost.demo-data=false turns it off.
 */
@Component
@ConditionalOnWebApplication
@Order(1)
class DemoDirectoryLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDirectoryLoader.class);

	private final SignpostProperties properties;

	private final ServiceRepository services;

	private final Importer importer;

	DemoDirectoryLoader(SignpostProperties properties, ServiceRepository services, Importer importer) {
		this.properties = properties;
		this.services = services;
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.isDemoData() || this.services.count() > 0) {
			return;
		}
		Path folder = this.properties.getDataDir().resolve("demo");
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
