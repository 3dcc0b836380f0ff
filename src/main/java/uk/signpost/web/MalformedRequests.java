package uk.signpost.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose parameters cannot be read (percent-encoding that is not UTF-8, such as
 * %C3%28 or a lone surrogate %ED%A0%80; too many parameters) is answered 400 before
 * anything else reads them. Tomcat throws from the first read, which anywhere later was a
 * 500 with a stack trace at ERROR.
 */
@Component
class MalformedRequests extends OncePerRequestFilter implements Ordered {

	static final String MESSAGE = "The address or form has characters that could not be read; check it was copied in full";

	/** After Spring Boot's character encoding filter, before Spring Security. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			int status = ex.getErrorCode() >= 400 && ex.getErrorCode() < 500 ? ex.getErrorCode() : 400;
			response.sendError(status, MESSAGE);
			return;
		}
		chain.doFilter(request, response);
	}

}
