package uk.signpost.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as JSON with the right status and what was wrong; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	static final String UNEXPECTED = "Something went wrong on our side; try again later";

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, Object>> problem(ApiProblem problem) {
		return body(problem.status(), problem.getMessage());
	}

	/**
	 * Spring's own request errors (wrong method, bad type, missing parameter) keep their
	 * status; anything else is ours, and logged.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		if (ex instanceof ErrorResponse request) {
			HttpStatus status = HttpStatus.valueOf(request.getStatusCode().value());
			String detail = request.getBody().getDetail();
			return body(status, detail == null ? status.getReasonPhrase() : detail);
		}
		log.error("API request failed", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, UNEXPECTED);
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json(status, message));
	}

	/** The error's JSON: {"status", "error", "message"}. */
	static Map<String, Object> json(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", ApiParameters.clean(message));
		return body;
	}

}
