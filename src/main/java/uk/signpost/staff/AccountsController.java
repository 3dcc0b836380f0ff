package uk.signpost.staff;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.signpost.directory.Publisher;
import uk.signpost.directory.PublisherRepository;
import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;

/**
 * For admins (the workspace's chain lets no one else in): who may sign in, adding,
 * disabling and enabling accounts, and the audit log. The first administrator is made on
 * the command line (README: the first administrator).
 */
@Controller
class AccountsController {

	/** Audit entries a page. */
	static final int PAGE = 50;

	private final StaffAccounts accounts;

	private final Audit audit;

	private final MessageSourceAccessor text;

	private final PublisherRepository publishers;

	AccountsController(StaffAccounts accounts, Audit audit, PublisherRepository publishers, MessageSource messages) {
		this.publishers = publishers;
		this.accounts = accounts;
		this.audit = audit;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/manage/accounts")
	String accounts(HttpServletRequest request, Model model) {
		Instant now = Instant.now();
		long self = Staff.current(request).id();
		List<List<Cell>> rows = this.accounts.all()
			.stream()
			.map(account -> List.of(Cell.of(account.name()), Cell.of(account.email()),
					Cell.of(this.text.getMessage("role." + account.role().key())),
					Cell.of(account.role() == Role.PUBLISHER ? String.join(", ", account.publisherIds())
							: this.text.getMessage("accounts.every")),
					Cell.of(this.text.getMessage(!account.enabled() ? "accounts.state.disabled"
							: account.lockedAt(now) ? "accounts.state.locked" : "accounts.state.active")),
					Cell.of(account.lastSignedIn() == null ? this.text.getMessage("accounts.never")
							: when(account.lastSignedIn())),
					account.id() == self ? Cell.of("")
							: account.enabled() && account.lockedAt(now)
									? Cell.button(this.text.getMessage("accounts.unlock"), account.email(),
											"/manage/accounts/" + account.id() + "/enable")
									: account.enabled()
											? Cell.button(this.text.getMessage("accounts.disable"), account.email(),
													"/manage/accounts/" + account.id() + "/disable")
											: Cell.button(this.text.getMessage("accounts.enable"), account.email(),
													"/manage/accounts/" + account.id() + "/enable")))
			.toList();
		model.addAttribute("table",
				new Table(this.text.getMessage("accounts.caption"),
						List.of(this.text.getMessage("accounts.name"), this.text.getMessage("accounts.email"),
								this.text.getMessage("accounts.role"), this.text.getMessage("accounts.publishers"),
								this.text.getMessage("accounts.state"), this.text.getMessage("accounts.lastSignedIn"),
								this.text.getMessage("accounts.change")),
						rows));
		return "manage/accounts";
	}

	@GetMapping("/manage/accounts/new")
	String newAccount(Model model) {
		model.addAttribute("page",
				new AccountPage(AccountForm.empty(), Map.of(), this.publishers.findAll(), this.text));
		return "manage/account-new";
	}

	@PostMapping("/manage/accounts")
	String add(AccountForm form, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes flash) {
		List<Publisher> known = this.publishers.findAll();
		Map<String, String> errors = new LinkedHashMap<>(
				form.errors(known.stream().map(Publisher::id).collect(Collectors.toSet())));
		if (errors.isEmpty() && this.accounts.find(form.email()).isPresent()) {
			errors.put("email", "accounts.error.exists");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", new AccountPage(form, errors, known, this.text));
			return "manage/account-new";
		}
		StaffAccounts.Account account = this.accounts.add(form.account(), Instant.now());
		this.audit.record(Staff.current(request), "account-added", "account", account.email(), account.role().key()
				+ (account.publisherIds().isEmpty() ? "" : " for " + String.join(", ", account.publisherIds())));
		flash.addFlashAttribute("done", this.text.getMessage("accounts.added", new Object[] { account.email() }));
		return "redirect:/manage/accounts";
	}

	/** Disabling stops the account at its next request; enabling also unlocks it. */
	@PostMapping("/manage/accounts/{id}/{change:disable|enable}")
	String enable(@PathVariable String id, @PathVariable String change, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes flash) {
		Staff staff = Staff.current(request);
		// Anything but a number in the address is no account.
		StaffAccounts.Account account = id.matches("\\d{1,18}") ? this.accounts.find(Long.parseLong(id)).orElse(null)
				: null;
		if (account == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		if (account.id() == staff.id()) {
			// The page offers no button for it: an administrator cannot lock themselves
			// out.
			response.setStatus(HttpStatus.FORBIDDEN.value());
			return "manage/forbidden";
		}
		boolean enable = change.equals("enable");
		// Enabling an enabled account that wrong passwords locked unlocks it.
		boolean unlock = enable && account.enabled() && account.lockedAt(Instant.now());
		if (account.enabled() != enable || unlock) {
			this.accounts.setEnabled(account.email(), enable);
			this.audit.record(staff, unlock ? "account-unlocked" : enable ? "account-enabled" : "account-disabled",
					"account", account.email(), null);
		}
		flash.addFlashAttribute("done",
				this.text.getMessage(unlock ? "accounts.unlocked" : enable ? "accounts.enabled" : "accounts.disabled",
						new Object[] { account.email() }));
		return "redirect:/manage/accounts";
	}

	@GetMapping("/manage/audit")
	String audit(@RequestParam(defaultValue = "1") String page, Model model) {
		long total = this.audit.count();
		int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
		int number = Math.min(pages, Math.max(1, parse(page)));
		List<List<Cell>> rows = this.audit.newest((number - 1) * PAGE, PAGE)
			.stream()
			.map(entry -> List.of(Cell.of(when(entry.at())), Cell.of(entry.actor()), Cell.of(entry.action()),
					Cell.of(entry.recordKind() == null ? "" : entry.recordKind() + " " + entry.recordId()),
					Cell.of(entry.detail() == null ? "" : entry.detail())))
			.toList();
		model.addAttribute("table",
				new Table(this.text.getMessage("audit.caption", new Object[] { total }),
						List.of(this.text.getMessage("audit.when"), this.text.getMessage("audit.who"),
								this.text.getMessage("audit.what"), this.text.getMessage("audit.record"),
								this.text.getMessage("audit.detail")),
						rows));
		model.addAttribute("links", new PageLinks("/manage/audit"));
		model.addAttribute("number", number);
		model.addAttribute("pages", pages);
		return "manage/audit";
	}

	private String when(Instant at) {
		return Dates.dateTime(at.atZone(Validity.UK), this.text);
	}

	private static int parse(String page) {
		try {
			return Integer.parseInt(page.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
