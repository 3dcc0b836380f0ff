package uk.signpost.search;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.directory.RecordId;
import uk.signpost.ingest.FeedSource;
import uk.signpost.ingest.Importer;

import static org.assertj.core.api.Assertions.assertThat;

/** A synonym never turns one need into another. */
class OneNeedTest extends DirectoryTest {

	@Autowired
	Importer importer;

	@Autowired
	ServiceSearch search;

	@Autowired
	SearchIndex index;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path folder;

	@Test
	void counsellingDoesNotFindStopSmokingThroughTherapy() throws Exception {
		TestDirectory.clear(this.jdbc);
		this.index.rebuild();
		TestFeed feed = new TestFeed();
		feed.service("talk", "Talking Space").description("Free counselling for adults feeling low or anxious.");
		feed.service("smoke", "Stop Smoking Service")
			.description("Nicotine replacement therapy and support to quit smoking.");
		this.importer.importFeed(new FeedSource.Files(feed.write(this.folder)), "council", "Council");
		assertThat(ids("counselling")).containsExactly("talk");
		assertThat(ids("counseling")).containsExactly("talk");
		assertThat(ids("therapy")).contains("talk");
	}

	private List<String> ids(String words) {
		return this.search.search(ServiceQuery.ALL.text(words))
			.hits()
			.stream()
			.map(hit -> hit.id().equals(RecordId.of("council", "service", "talk")) ? "talk"
					: hit.id().equals(RecordId.of("council", "service", "smoke")) ? "smoke" : hit.id())
			.toList();
	}

}
