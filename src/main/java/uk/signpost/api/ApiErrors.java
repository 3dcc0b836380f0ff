package uk.signpost.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors as JSON with the right status and what was wrong; never a stack trace. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Map<String, Object>> problem(ApiProblem problem) {
		return body(problem.status(), problem.getMessage());
	}

	/** Spring's own request errors (wrong method, bad type) keep their status. */
	@ExceptionHandler(ErrorResponseException.class)
	ResponseEntity<Map<String, Object>> request(ErrorResponseException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return body(status, ex.getBody().getDetail() == null ? status.getReasonPhrase() : ex.getBody().getDetail());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Map<String, Object>> unexpected(Exception ex) {
		log.error("API request failed", ex);
		return body(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; try again later");
	}

	private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		body.put("message", message);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
