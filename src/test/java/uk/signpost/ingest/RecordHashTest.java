package uk.signpost.ingest;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change-detection hash is written straight from the record tree; it must stay the
 * hash of node.toString(), or the next import after an upgrade would rewrite every
 * record.
 */
class RecordHashTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void isTheHashOfTheRecordsCompactJson() {
		JsonNode record = this.json.readTree("""
				{ "id": "svc-1", "name": "Café £5 \\"drop-in\\"\\n",
				  "description": "Tea & toast 🍞 — all welcome\\u2028<b>free</b>",
				  "minimum_age": 18, "latitude": 53.7632, "cost": 1.50, "big": 1e3, "none": null,
				  "open": true, "tags": [ [ "a", 2 ], {}, [] ] }
				""");
		assertThat(RecordReader.hash(record)).isEqualTo(RecordReader.hash(record.toString()));
	}

	@Test
	void aRecordWithHalfASurrogatePairHashesTheSameEachTime() {
		JsonNode record = this.json.readTree("{\"name\": \"broken \\ud83d text\"}");
		JsonNode again = this.json.readTree("{\"name\": \"broken \\ud83d text\"}");
		JsonNode mended = this.json.readTree("{\"name\": \"broken  text\"}");
		assertThat(RecordReader.hash(record)).isEqualTo(RecordReader.hash(again))
			.isNotEqualTo(RecordReader.hash(mended));
	}

	@Test
	void anyChangeChangesTheHash() {
		JsonNode one = this.json.readTree("{\"id\": \"1\", \"name\": \"Food bank\"}");
		JsonNode other = this.json.readTree("{\"id\": \"1\", \"name\": \"Food bank \"}");
		assertThat(RecordReader.hash(one)).isNotEqualTo(RecordReader.hash(other));
	}

}
