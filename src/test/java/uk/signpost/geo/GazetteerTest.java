package uk.signpost.geo;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.DirectoryTest;
import uk.signpost.TestDirectory;
import uk.signpost.geo.PlaceFinder.Found;
import uk.signpost.geo.PlaceFinder.Whereabouts;

import static org.assertj.core.api.Assertions.assertThat;

/** Looking places up on an empty directory, with the shipped tables as in the jar. */
abstract class GazetteerTest extends DirectoryTest {

	@Autowired
	PlaceFinder finder;

	@Autowired
	Gazetteer gazetteer;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyDirectory() {
		TestDirectory.clear(this.jdbc);
	}

	Found found(String typed) {
		Whereabouts whereabouts = this.finder.find(typed);
		assertThat(whereabouts).as(typed).isInstanceOf(Found.class);
		return (Found) whereabouts;
	}

}
