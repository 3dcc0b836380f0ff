package uk.signpost.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error answer, in place of Spring Boot's controller, which chose JSON or a page by
 * the Accept header: a client that accepts any type (curl, many scripts) got a page's
 * error as JSON. Here the error views choose by address instead: the API's JSON under
 * /api (ApiErrorPages), a GOV.UK error page everywhere else, whatever the client accepts.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages extends AbstractErrorController {

	ErrorPages(ErrorAttributes errorAttributes, List<ErrorViewResolver> errorViewResolvers) {
		super(errorAttributes, errorViewResolvers);
	}

	@RequestMapping
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		HttpStatus status = getStatus(request);
		Map<String, Object> model = getErrorAttributes(request, ErrorAttributeOptions.defaults());
		response.setStatus(status.value());
		ModelAndView page = resolveErrorView(request, response, status, model);
		return page != null ? page : new ModelAndView("error", model);
	}

}
