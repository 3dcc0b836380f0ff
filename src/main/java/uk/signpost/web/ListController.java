package uk.signpost.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import uk.signpost.directory.ServicePage;
import uk.signpost.directory.ServicePages;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Choice;
import uk.signpost.govuk.Choices;
import uk.signpost.govuk.Dates;

/**
 * Your list: services kept to hand over, with no account and no JavaScript. A page with
 * remove buttons, a one-page print view, plain text for an email or case note, and a
 * share link that reopens the same list. What a change did is said on the list page it
 * comes back to, through its address (there is no session to carry it).
 */
@Controller
class ListController {

	private final ServicePages pages;

	private final MessageSourceAccessor text;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ListController(ServicePages pages, MessageSource messages, ObjectProvider<Clock> clock,
			ApplicationEventPublisher events) {
		this.pages = pages;
		this.events = events;
		this.text = new MessageSourceAccessor(messages);
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * ids: a shared list's ids; without them, the person's own list. added, full,
	 * cleared, device: what the last change did, to say so.
	 */
	@GetMapping("/list")
	String list(@RequestParam(required = false) String ids, @RequestParam(required = false) Integer added,
			@RequestParam(required = false) String full, @RequestParam(required = false) String cleared,
			@RequestParam(required = false) String device, HttpServletRequest request, Model model) {
		boolean shared = ids != null;
		List<String> kept = shared ? YourList.parse(ids) : YourList.read(request);
		List<ServicePage> entries = entries(kept);
		model.addAttribute("entries", entries);
		model.addAttribute("shared", shared);
		model.addAttribute("ids", String.join(",", kept));
		model.addAttribute("sensitive", entries.stream().anyMatch(ServicePage::sensitive));
		model.addAttribute("device", onDevice(YourList.onDevice(request)));
		model.addAttribute("notice", shared ? null : notice(added, full != null, cleared != null, device));
		return "list";
	}

	/** What the last change did, or null. */
	private String notice(Integer added, boolean full, boolean cleared, String device) {
		if (added != null) {
			String notice = this.text.getMessage("list.added", new Object[] { Math.max(0, added) });
			return full ? this.text.getMessage("list.added.full", new Object[] { notice, YourList.MOST }) : notice;
		}
		if (cleared) {
			return this.text.getMessage("list.cleared");
		}
		if (device != null) {
			return this.text.getMessage(device.equals("kept") ? "list.device.kept" : "list.device.session",
					new Object[] { days() });
		}
		return null;
	}

	/** "Keep this list on this device for 90 days", ticked when it is. */
	private Choices onDevice(boolean kept) {
		return new Choices("device", "keep", this.text.getMessage("list.device.legend"),
				this.text.getMessage("list.device.hint"), null, List.of(new Choice("keep", "keep", "yes",
						this.text.getMessage("list.device.label", new Object[] { days() }), kept)));
	}

	private long days() {
		return YourList.KEPT_FOR.toDays();
	}

	/** The list on one page to print, with the day and the site it came from. */
	@GetMapping("/list/print")
	String print(HttpServletRequest request, Model model) {
		model.addAttribute("entries", entries(YourList.read(request)));
		model.addAttribute("printed", this.text.getMessage("list.print.from",
				new Object[] { Dates.date(Validity.today(this.clock), this.text), site(request) }));
		return "list-print";
	}

	/** This site's address, as the person's browser reached it. */
	private static String site(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/").build().toUriString();
	}

	@GetMapping(path = "/list/text")
	ResponseEntity<String> text(HttpServletRequest request) {
		StringBuilder text = new StringBuilder();
		for (ServicePage entry : entries(YourList.read(request))) {
			text.append(entry.contactText()).append("\n\n");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
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
		List<String> own = YourList.read(request);
		List<String> both = YourList.with(own, id == null ? List.of() : id);
		YourList.write(request, response, both);
		added(own, both);
		return "redirect:" + (local ? back : "/list");
	}

	@PostMapping("/list/remove")
	String remove(@RequestParam String id, HttpServletRequest request, HttpServletResponse response) {
		YourList.write(request, response, YourList.without(YourList.read(request), id));
		return "redirect:/list";
	}

	/** Empties the list, and forgets it on this device. */
	@PostMapping("/list/clear")
	String clear(HttpServletRequest request, HttpServletResponse response) {
		YourList.write(request, response, List.of(), false);
		return "redirect:/list?cleared=yes";
	}

	/**
	 * keep: "yes" keeps the list on this device for 90 days; without it the list is
	 * forgotten when the browser closes.
	 */
	@PostMapping("/list/device")
	String device(@RequestParam(required = false) String keep, HttpServletRequest request,
			HttpServletResponse response) {
		boolean onDevice = "yes".equals(keep);
		YourList.write(request, response, YourList.read(request), onDevice);
		return "redirect:/list?device=" + (onDevice ? "kept" : "session");
	}

	/**
	 * Adds a shared list's services to the person's own, after what they already keep,
	 * and says how many were new.
	 */
	@PostMapping("/list/keep")
	String keep(@RequestParam String ids, HttpServletRequest request, HttpServletResponse response) {
		List<String> own = YourList.read(request);
		List<String> shared = YourList.parse(ids);
		List<String> both = YourList.with(own, shared);
		YourList.write(request, response, both);
		added(own, both);
		boolean full = shared.stream().anyMatch(id -> !both.contains(id));
		return "redirect:/list?added=" + (both.size() - own.size()) + (full ? "&full=yes" : "");
	}

	/** What a change added, for the analytics. */
	private void added(List<String> before, List<String> after) {
		List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
		if (!added.isEmpty()) {
			this.events.publishEvent(new AddedToList(added));
		}
	}

	private List<ServicePage> entries(List<String> ids) {
		return ids.stream()
			.map(id -> this.pages.find(id, "/list", this.text))
			.flatMap(Optional::stream)
			.filter(page -> !page.service().isWithdrawn())
			.toList();
	}

}
