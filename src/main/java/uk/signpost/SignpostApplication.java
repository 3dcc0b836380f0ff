package uk.signpost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import uk.signpost.settings.SignpostProperties;

/**
 * Starts the site, or, when the first argument names a command (import, generate,
 * bench-import), runs that command without the web server and exits with its status.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
@EnableConfigurationProperties(SignpostProperties.class)
public class SignpostApplication {

	public static void main(String[] args) {
		// H2 shares equal values read from the database through a cache that hashes every
		// string it reads, descriptions included: 19 % of a search index rebuild's
		// reading
		// (docs/benchmarks.md). Nothing here keeps values long enough to gain from it.
		if (System.getProperty("h2.objectCache") == null) {
			System.setProperty("h2.objectCache", "false");
		}
		if (args.length > 0 && Commands.isCommand(args[0])) {
			System.exit(Commands.run(args));
		}
		SpringApplication application = new SpringApplication(SignpostApplication.class);
		DataFolderLock.install(application);
		try {
			application.run(args);
		}
		catch (DataFolderLock.Busy ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

}
