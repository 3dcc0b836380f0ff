package uk.signpost.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.stereotype.Component;

/**
 * The needs the start page offers to browse, from content/needs.yml: which category each
 * covers, the words shown for it and what it holds.
 */
@Component
public class NeedsToBrowse {

	static final String FILE = "needs.yml";

	private final ContentFiles files;

	public NeedsToBrowse(ContentFiles files) {
		this.files = files;
	}

	public record Need(String category, String label, String description) {
	}

	/**
	 * The file's text and what it said, so a start page parses it only when it changes.
	 */
	private record Parsed(String text, List<Need> needs) {
	}

	private volatile Parsed last;

	public List<Need> needs() {
		String text = this.files.read(FILE);
		if (text == null) {
			return List.of();
		}
		Parsed last = this.last;
		if (last == null || !last.text().equals(text)) {
			last = new Parsed(text, parse(text));
			this.last = last;
		}
		return last.needs();
	}

	/** Reads the list, failing with the entry that is wrong. */
	public static List<Need> parse(String text) {
		Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		if (!(root instanceof List<?> entries)) {
			throw new IllegalArgumentException(FILE + ": is not a list of needs");
		}
		List<Need> needs = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			if (!(entries.get(i) instanceof Map<?, ?> entry) || !(entry.get("category") instanceof String category)
					|| category.isBlank()) {
				throw new IllegalArgumentException(FILE + ": need " + (i + 1) + " has no category");
			}
			Object label = entry.get("label");
			Object description = entry.get("description");
			needs.add(new Need(category, label == null ? category : label.toString(),
					description == null ? null : description.toString()));
		}
		return List.copyOf(needs);
	}

}
