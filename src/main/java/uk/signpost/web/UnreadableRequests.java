package uk.signpost.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * A request Tomcat cannot read at all (a request line over its 8 KB limit, a path it
 * cannot decode such as %00) is answered by Tomcat before Signpost sees it. Its error
 * valve is given a GOV.UK page (static/errors/bad-request.html) for every such answer,
 * instead of its own report.
 */
@Configuration(proxyBeanMethods = false)
class UnreadableRequests {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorPage() {
		Path page = copyOut();
		return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
			// The host adds its error valve as it starts, before its contexts.
			Container host = context.getParent();
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && host != null) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve report) {
						report.setShowReport(false);
						report.setShowServerInfo(false);
						// errorCode.0: for every status the valve answers itself.
						report.setProperty("errorCode.0", page.toString());
					}
				}
			}
		}));
	}

	/** The valve reads a file, and the page is inside the jar: a copy for this run. */
	private static Path copyOut() {
		try (InputStream in = new ClassPathResource("static/errors/bad-request.html").getInputStream()) {
			Path file = Files.createTempFile("signpost-bad-request-", ".html");
			file.toFile().deleteOnExit();
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
