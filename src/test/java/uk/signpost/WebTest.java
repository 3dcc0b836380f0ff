package uk.signpost;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the page and API tests share: one application with a mock web server on its own
 * data folder (so every such test class reuses the same context), an empty directory, and
 * feeds imported from text.
 */
@SpringBootTest(properties = { "signpost.demo-data=false" })
@AutoConfigureMockMvc
@Import(MockMvcSessions.class)
public abstract class WebTest {

	protected static final Path DATA_DIR = TestDirectory.newDataDir("signpost-api-");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Importer importer;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected ObjectMapper json;

	@Autowired
	protected SearchIndex index;

	/** Empties the directory, the gazetteer and the index. */
	protected void clear() {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
	}

	protected ImportReport load(String publisher, String feed) throws IOException {
		return TestDirectory.load(this.importer, DATA_DIR, publisher, feed);
	}

	public static String resource(String name) throws IOException {
		try (InputStream in = WebTest.class.getResourceAsStream("/api/" + name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** A GET of this path as written: %20 stays a space, not "%2520". */
	protected static MockHttpServletRequestBuilder api(String path) {
		return get(URI.create(path));
	}

	/**
	 * A form posted from Signpost's own page: with the CSRF token the page's form
	 * carries.
	 */
	protected static MockHttpServletRequestBuilder post(String path) {
		return MockMvcRequestBuilders.post(path).with(csrf());
	}

	protected String fetch(String path) throws Exception {
		return this.mvc.perform(api(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	protected JsonNode fetchJson(String path) throws Exception {
		return this.json.readTree(fetch(path));
	}

}
