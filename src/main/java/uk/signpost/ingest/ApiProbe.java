package uk.signpost.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import uk.signpost.settings.SignpostProperties;

/**
 * Single requests to a publisher's ORUK API outside an import, with an import's guards
 * (time-out, size, redirects to the same host only): for checks that read an API without
 * importing it, such as data quality's level-1 checks.
 */
@Component
public class ApiProbe {

	private final ObjectMapper json;

	private final SignpostProperties properties;

	ApiProbe(ObjectMapper json, SignpostProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	/** What an address answered: its JSON, or why there is none. */
	public record Answer(JsonNode body, String failure) {
	}

	public Answer get(String url) {
		try {
			return new Answer(
					new OrukApiClient(this.json, this.properties.getHttpTimeout(), this.properties.getLimits())
						.get(url),
					null);
		}
		catch (FeedException | IllegalArgumentException ex) {
			return new Answer(null, ex.getMessage());
		}
	}

}
