package uk.signpost.duplicates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import uk.signpost.directory.Service;

/**
 * Precision and recall of the stored pairs against a generated directory's truth file
 * (group,publisher,source_id): the pairs of findable services in one group are the ones
 * to find.
 */
public record Accuracy(int found, int toFind, int correct) {

	public double precision() {
		return this.found == 0 ? 1 : (double) this.correct / this.found;
	}

	public double recall() {
		return this.toFind == 0 ? 1 : (double) this.correct / this.toFind;
	}

	public static Accuracy measure(JdbcTemplate jdbc, Path truth, List<DuplicatePairs.Pair> pairs) throws IOException {
		Map<String, String> groupOf = new HashMap<>();
		List<String> lines = Files.readAllLines(truth);
		for (String line : lines.subList(1, lines.size())) {
			String[] parts = line.split(",", 3);
			groupOf.put(parts[1] + " " + parts[2], parts[0]);
		}
		Map<String, List<String>> groups = new HashMap<>();
		Map<String, String> serviceGroup = new HashMap<>();
		jdbc.query("SELECT s.id, s.publisher_id, s.source_id FROM service s WHERE " + Service.FINDABLE, rs -> {
			String group = groupOf.get(rs.getString(2) + " " + rs.getString(3));
			if (group != null) {
				serviceGroup.put(rs.getString(1), group);
				groups.computeIfAbsent(group, g -> new ArrayList<>()).add(rs.getString(1));
			}
		});
		int toFind = groups.values().stream().mapToInt(g -> g.size() * (g.size() - 1) / 2).sum();
		Set<String> counted = new HashSet<>();
		int correct = 0;
		for (DuplicatePairs.Pair pair : pairs) {
			String group = serviceGroup.get(pair.serviceA());
			if (group != null && group.equals(serviceGroup.get(pair.serviceB()))
					&& counted.add(pair.serviceA() + " " + pair.serviceB())) {
				correct++;
			}
		}
		return new Accuracy(pairs.size(), toFind, correct);
	}

}
