package uk.signpost.api;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * Errors that never reach an API handler (an unknown address, a refused method, a query
 * string Tomcat cannot decode) still answer /api in the API's JSON, whatever the client
 * accepts; pages keep the GOV.UK error pages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiErrorPages {

	/** What Spring Boot's error controller answers: the API's own JSON under /api. */
	@Bean
	ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {

			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request,
						options.including(ErrorAttributeOptions.Include.MESSAGE));
				if (!isApi(
						request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI, RequestAttributes.SCOPE_REQUEST))) {
					attributes.remove("message");
					return attributes;
				}
				HttpStatus status = HttpStatus.resolve((Integer) attributes.getOrDefault("status", 500));
				status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
				Object message = attributes.get("message");
				// A 5xx message may be an exception's words: they are not for clients.
				return ApiErrors.json(status,
						status.is4xxClientError() && message instanceof String text && !text.isBlank()
								&& !"No message available".equals(text) ? text
										: status.is4xxClientError() ? status.getReasonPhrase() : ApiErrors.UNEXPECTED);
			}

		};
	}

	/**
	 * A browser asking for HTML under /api gets the same JSON; pages get Spring Boot's
	 * own resolver (templates/error/404.html, 4xx.html ...), which a resolver of ours
	 * replaces.
	 */
	@Bean
	ErrorViewResolver errorViews(ObjectMapper json, ApplicationContext context, WebProperties web) {
		View view = (model, request, response) -> {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(), Map.of("status", model.get("status"), "error",
					model.get("error"), "message", model.get("message")));
		};
		ErrorViewResolver pages = new DefaultErrorViewResolver(context, web.getResources());
		return (request, status, model) -> isApi(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))
				? new ModelAndView(view, model) : pages.resolveErrorView(request, status, model);
	}

	private static boolean isApi(Object path) {
		return path instanceof String uri && (uri.equals("/api") || uri.startsWith("/api/"));
	}

}
