package uk.signpost;

import java.io.IOException;
import java.nio.file.Path;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import uk.signpost.ingest.ImportReport;
import uk.signpost.ingest.Importer;
import uk.signpost.search.SearchIndex;

/**
 * What tests of the mail Signpost sends share: a real SMTP server (GreenMail) in the
 * tests' own process on a free port of 127.0.0.1, one application that sends to it on its
 * own data folder, and feeds imported from text. Read what arrived with
 * {@code MAIL.waitForIncomingEmail} and {@code MAIL.getReceivedMessages()}; empty it with
 * {@code MAIL.purgeEmailFromAllMailboxes()}.
 */
@SpringBootTest(properties = { "signpost.demo-data=false", "signpost.site-url=https://signpost.example.org" })
@AutoConfigureMockMvc
@Import(MockMvcSessions.class)
public abstract class MailWebTest {

	protected static final Path DATA_DIR = TestDirectory.newDataDir("signpost-mail-");

	/** One SMTP server for every test context that sends mail, started once. */
	public static final GreenMail MAIL = smtp();

	private static GreenMail smtp() {
		GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
		return mail;
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("signpost.data-dir", DATA_DIR::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected Importer importer;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected SearchIndex index;

	/** Empties the directory, the index and the mailboxes. */
	protected void clear() throws Exception {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		MAIL.purgeEmailFromAllMailboxes();
	}

	protected ImportReport load(String publisher, String feed) throws IOException {
		return TestDirectory.load(this.importer, DATA_DIR, publisher, feed);
	}

}
