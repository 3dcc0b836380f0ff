package uk.signpost.govuk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every CSV download: UTF-8 with one byte order mark first, so Excel reads "’" right. */
class CsvTest {

	@Test
	void aDownloadStartsWithOneByteOrderMarkAndThenItsHeadings() {
		String csv = Csv.of(new Table("", List.of("Publisher’s id", "Name"),
				List.of(List.of(Table.Cell.of("a"), Table.Cell.of("Pat’s club")))));
		byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(csv).isEqualTo(Csv.BOM + "Publisher’s id,Name\r\na,Pat’s club\r\n");
		assertThat(csv.lastIndexOf(Csv.BOM)).isZero();
	}

}
