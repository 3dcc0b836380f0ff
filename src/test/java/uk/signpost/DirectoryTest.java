package uk.signpost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the real embedded database, in a data folder of its own that
 * is new for each test run. Test classes share one context; each empties the tables with
 * {@link TestDirectory#clear}. No data quality report after imports: the API import tests
 * count the requests an import makes, and the report's level-1 checks would add theirs
 * (QualityTest makes its reports itself).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "signpost.demo-data=false", "signpost.http-timeout=2s", "signpost.quality.after-import=false" })
public abstract class DirectoryTest {

	public static final Path DATA_DIR;

	static {
		try {
			DATA_DIR = Files.createTempDirectory("signpost-test-");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

}
