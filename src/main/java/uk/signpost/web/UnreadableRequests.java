package uk.signpost.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;

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
					if (valve instanceof ErrorReportValve && !(valve instanceof Reports)) {
						host.getPipeline().removeValve(valve);
						Reports reports = new Reports();
						reports.setShowReport(false);
						reports.setShowServerInfo(false);
						// errorCode.0: for every status the valve answers itself.
						reports.setProperty("errorCode.0", page.toString());
						host.getPipeline().addValve(reports);
					}
				}
			}
		}));
	}

	/**
	 * Tomcat's error valve, answering under /api in the API's JSON: a client of the API
	 * reads JSON whatever went wrong. Its request line was read (a header over 8 KB comes
	 * after it); one too long to read has no address and gets the page.
	 */
	static final class Reports extends ErrorReportValve {

		static final String MESSAGE = "The request could not be read: its headers may be over 8 KB, or its"
				+ " address too long or with characters that are not allowed";

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String uri = request.getRequestURI();
			if (uri == null || !(uri.equals("/api") || uri.startsWith("/api/"))) {
				super.report(request, response, throwable);
				return;
			}
			// The checks of ErrorReportValve.report, before it writes anything.
			int status = response.getStatus();
			AtomicBoolean ioAllowed = new AtomicBoolean(true);
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String reason = known == null ? "Error" : known.getReasonPhrase();
			try {
				response.setContentType("application/json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(
							"{\"status\":" + status + ",\"error\":\"" + reason + "\",\"message\":\"" + MESSAGE + "\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone, or the answer was already under way.
			}
		}

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
