package uk.signpost.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.signpost.content.NeedsToBrowse;
import uk.signpost.search.ServiceSearch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start page's needs: content/needs.yml's words and order over the directory's
 * counts.
 */
class NeedsToBrowseTest {

	@Test
	void writtenNeedsComeFirstInTheirOrderThenTheDirectorysOtherCategories() {
		List<ServiceSearch.Need> categories = List.of(new ServiceSearch.Need("Benefits", 3),
				new ServiceSearch.Need("Food", 12), new ServiceSearch.Need("Housing", 4));
		List<NeedsToBrowse.Need> written = List.of(new NeedsToBrowse.Need("Housing", "A home", "Somewhere to live"),
				new NeedsToBrowse.Need("Dementia", "Dementia", "Memory cafés"),
				new NeedsToBrowse.Need("Food", "Food", null));

		List<StartController.Browse> needs = StartController.browse(categories, written);

		assertThat(needs).containsExactly(new StartController.Browse("Housing", "A home", "Somewhere to live", 4),
				new StartController.Browse("Food", "Food", null, 12),
				new StartController.Browse("Benefits", "Benefits", null, 3));
	}

}
