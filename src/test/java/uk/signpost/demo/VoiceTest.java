package uk.signpost.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo directory in the providers' words: every need has them, and services use them.
 */
class VoiceTest {

	private final ObjectMapper json = JsonMapper.builder().build();

	@Test
	void everyNeedHasTheProvidersOwnWords() {
		assertThat(ProviderWording.BY_TERM.keySet())
			.containsExactlyInAnyOrderElementsOf(Need.ALL.stream().map(Need::term).toList());
		for (Need need : Need.ALL) {
			Need.Wording words = need.in(Voice.PROVIDER);
			assertThat(words.names()).as(need.term()).isNotEmpty().doesNotContainAnyElementsOf(need.names());
			assertThat(words.offers()).as(need.term()).isNotEmpty().doesNotContainAnyElementsOf(need.offers());
			assertThat(words.how()).as(need.term()).isNotEmpty();
			assertThat(words.organisations()).as(need.term()).isNotEmpty();
			assertThat(words.who()).as(need.term()).isNotBlank();
			assertThat(need.in(Voice.COUNCIL).names()).isEqualTo(need.names());
		}
	}

	@Test
	void aDirectoryInTheProvidersWordsKeepsTheTaxonomy(@TempDir Path folder) throws IOException {
		DemoDirectory.write(folder.resolve("council"), 80, 9L, LocalDate.of(2026, 11, 1));
		DemoDirectory.write(folder.resolve("provider"), 80, 9L, LocalDate.of(2026, 11, 1), Voice.PROVIDER);
		assertThat(termNames(folder.resolve("provider"))).isEqualTo(termNames(folder.resolve("council")));
		for (JsonNode service : read(folder.resolve("provider/services-0001.json")).path("contents")) {
			String term = null;
			for (JsonNode attribute : service.path("attributes")) {
				if (attribute.path("taxonomy_term").path("taxonomy").asString().equals("Signpost needs")) {
					term = attribute.path("taxonomy_term").path("name").asString();
				}
			}
			String description = service.path("description").asString();
			assertThat(ProviderWording.of(term).offers()).as(description).anyMatch(description::startsWith);
		}
	}

	private List<String> termNames(Path folder) throws IOException {
		return read(folder.resolve("taxonomy.json")).path("taxonomy_terms")
			.valueStream()
			.map(term -> term.path("name").asString())
			.toList();
	}

	private JsonNode read(Path file) throws IOException {
		return this.json.readTree(Files.readString(file));
	}

}
