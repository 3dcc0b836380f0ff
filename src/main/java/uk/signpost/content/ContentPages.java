package uk.signpost.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

import org.springframework.stereotype.Component;

/**
 * Long-form pages written in Markdown under content/pages, with a little front matter:
 *
 * <pre>
 * ---
 * title: Privacy
 * last-reviewed: 2026-12-01
 * ---
 * </pre>
 *
 * rendered with CommonMark into GOV.UK typography. HTML written in a page is shown as
 * text, and only http, https, mailto and tel links and site paths are kept.
 */
@Component
public class ContentPages {

	private static final Parser PARSER = Parser.builder().build();

	private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		// CommonMark's own list leaves out tel: (a helpline in a statement).
		.urlSanitizer(new org.commonmark.renderer.html.DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
		.attributeProviderFactory(context -> new GovukClasses())
		.build();

	private final ContentFiles files;

	public ContentPages(ContentFiles files) {
		this.files = files;
	}

	/** A page ready to show: its title, when it was last reviewed, and its body. */
	public record Page(String name, String title, LocalDate lastReviewed, String html, List<String> links) {
	}

	/** The page content/pages/{name}.md; null when there is none. */
	public Page page(String name) {
		String text = this.files.read("pages/" + name + ".md");
		return text == null ? null : parse(name, text);
	}

	/** Reads a page, failing with what is wrong and where. */
	public static Page parse(String name, String text) {
		String where = "pages/" + name + ".md";
		String normalised = text.replace("\r\n", "\n");
		if (!normalised.startsWith("---\n")) {
			throw new IllegalArgumentException(where + ": starts with no front matter (a line of ---)");
		}
		int end = normalised.indexOf("\n---\n", 3);
		if (end < 0) {
			throw new IllegalArgumentException(where + ": its front matter has no closing line of ---");
		}
		Map<String, String> front = new LinkedHashMap<>();
		for (String line : normalised.substring(4, end).split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int colon = line.indexOf(':');
			if (colon < 1) {
				throw new IllegalArgumentException(where + ": front matter line '" + line + "' is not 'name: value'");
			}
			front.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
		}
		String title = front.get("title");
		if (title == null || title.isEmpty()) {
			throw new IllegalArgumentException(where + ": its front matter has no title");
		}
		LocalDate reviewed;
		try {
			reviewed = LocalDate.parse(front.getOrDefault("last-reviewed", ""));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(where + ": its front matter needs last-reviewed: a date like 2026-12-01",
					ex);
		}
		Node document = PARSER.parse(normalised.substring(end + 5));
		List<String> links = new ArrayList<>();
		document.accept(new org.commonmark.node.AbstractVisitor() {
			@Override
			public void visit(Link link) {
				links.add(link.getDestination());
				visitChildren(link);
			}
		});
		return new Page(name, title, reviewed, RENDERER.render(document), List.copyOf(links));
	}

	/** GOV.UK Frontend's classes on what CommonMark writes. */
	private static final class GovukClasses implements AttributeProvider {

		private static final Map<Class<? extends Node>, String> CLASSES = Map.of(Paragraph.class, "govuk-body",
				BulletList.class, "govuk-list govuk-list--bullet", OrderedList.class, "govuk-list govuk-list--number",
				Link.class, "govuk-link", BlockQuote.class, "govuk-inset-text", ThematicBreak.class,
				"govuk-section-break govuk-section-break--m govuk-section-break--visible");

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			String css = node instanceof Heading heading
					? (heading.getLevel() <= 2 ? "govuk-heading-m" : "govuk-heading-s") : CLASSES.get(node.getClass());
			if (css != null) {
				attributes.put("class", css);
			}
		}

	}

}
