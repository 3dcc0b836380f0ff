package uk.signpost.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.signpost.directory.ServicePage;
import uk.signpost.directory.ServicePages;

/**
 * Your list: services kept to hand over, with no account and no JavaScript. A page with
 * remove buttons, a one-page print view, plain text for an email or case note, and a
 * share link that reopens the same list.
 */
@Controller
class ListController {

	private final ServicePages pages;

	ListController(ServicePages pages) {
		this.pages = pages;
	}

	/** ids: a shared list's ids; without them, the person's own list. */
	@GetMapping("/list")
	String list(@RequestParam(required = false) String ids, HttpServletRequest request, Model model) {
		boolean shared = ids != null;
		List<String> kept = shared ? YourList.parse(ids) : YourList.read(request);
		model.addAttribute("entries", entries(kept));
		model.addAttribute("shared", shared);
		model.addAttribute("ids", String.join(",", kept));
		return "list";
	}

	@GetMapping("/list/print")
	String print(HttpServletRequest request, Model model) {
		model.addAttribute("entries", entries(YourList.read(request)));
		return "list-print";
	}

	@GetMapping(path = "/list/text")
	ResponseEntity<String> text(HttpServletRequest request) {
		StringBuilder text = new StringBuilder();
		for (ServicePage entry : entries(YourList.read(request))) {
			text.append(entry.contactText()).append("\n\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
			.body(text.toString().strip() + "\n");
	}

	/**
	 * id: one service, or several ticked in the compact results (none ticked changes
	 * nothing); back: the page to return to, on this site only.
	 */
	@PostMapping("/list/add")
	String add(@RequestParam(required = false) List<String> id, @RequestParam(required = false) String back,
			HttpServletRequest request, HttpServletResponse response) {
		boolean local = back != null && back.startsWith("/") && !back.startsWith("//");
		if ((id == null || id.isEmpty()) && local) {
			// Nothing ticked: back to the same results, which then say what to do.
			return "redirect:" + back + (back.contains("?") ? "&" : "?") + "kept=none";
		}
		List<String> kept = YourList.read(request);
		for (String one : id == null ? List.<String>of() : id) {
			kept = YourList.with(kept, one);
		}
		YourList.write(request, response, kept);
		return "redirect:" + (local ? back : "/list");
	}

	@PostMapping("/list/remove")
	String remove(@RequestParam String id, HttpServletRequest request, HttpServletResponse response) {
		YourList.write(request, response, YourList.without(YourList.read(request), id));
		return "redirect:/list";
	}

	/** Keeps a shared list as the person's own. */
	@PostMapping("/list/keep")
	String keep(@RequestParam String ids, HttpServletRequest request, HttpServletResponse response) {
		YourList.write(request, response, YourList.parse(ids));
		return "redirect:/list";
	}

	private List<ServicePage> entries(List<String> ids) {
		return ids.stream()
			.map(id -> this.pages.find(id, "/list"))
			.flatMap(Optional::stream)
			.filter(page -> !page.service().isWithdrawn())
			.toList();
	}

}
