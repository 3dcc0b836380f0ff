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

/**
 * Errors as JSON with the right status and what was wrong; never a stack trace. The API's
 * handlers declare no produces condition, so a request reaches its handler whatever it
 * accepts and a bad parameter or unknown id answers its own 400 or 404 here (a produces
 * condition answered 406 before the parameters were read). The body's type is set, so it
 * is JSON whatever Accept says. An answer that is not an error is only written as JSON:
 * ORUK 3.0's OpenAPI gives application/json alone, and its clients (the validator,
 * aggregators) ask for JSON or anything, so a client that accepts only HTML or XML gets
 * 406 (as JSON) rather than a body it said it cannot read.
 */
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
