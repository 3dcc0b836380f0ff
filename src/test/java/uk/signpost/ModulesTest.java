package uk.signpost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The features (the packages under uk.signpost) as Spring Modulith sees them: no cycles
 * between them, and none reaches into another's internals. Also writes the module picture
 * to target/spring-modulith-docs, which docs/architecture.md shows.
 */
class ModulesTest {

	private final ApplicationModules modules = ApplicationModules.of(SignpostApplication.class);

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirOwnPackagesWithoutCycles() {
		this.modules.verify();
	}

	@Test
	void theFeaturesAreThePackagesTheDocsName() {
		assertThat(this.modules.stream().map(module -> module.getBasePackage().getName())).containsExactlyInAnyOrder(
				"uk.signpost.analytics", "uk.signpost.api", "uk.signpost.content", "uk.signpost.demo",
				"uk.signpost.directory", "uk.signpost.duplicates", "uk.signpost.feedback", "uk.signpost.geo",
				"uk.signpost.govuk", "uk.signpost.ingest", "uk.signpost.nodes", "uk.signpost.quality",
				"uk.signpost.review", "uk.signpost.search", "uk.signpost.settings", "uk.signpost.staff",
				"uk.signpost.web");
	}

	@Test
	void writesTheModulePicture() throws IOException {
		new Documenter(this.modules).writeModulesAsPlantUml();
		try (var files = Files.list(Path.of("target/spring-modulith-docs"))) {
			assertThat(files.map(Path::toString)).anyMatch(name -> name.endsWith("components.puml"));
		}
	}

}
