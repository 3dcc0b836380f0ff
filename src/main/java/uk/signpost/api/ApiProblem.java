package uk.signpost.api;

import org.springframework.http.HttpStatus;

/** An API request that cannot be answered: a status and what was wrong, in words. */
class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	ApiProblem(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	HttpStatus status() {
		return this.status;
	}

}
