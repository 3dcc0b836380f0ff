package uk.signpost.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.signpost.directory.Validity;
import uk.signpost.govuk.Dates;
import uk.signpost.govuk.PageLinks;
import uk.signpost.govuk.Table;
import uk.signpost.govuk.Table.Cell;

/**
 * For admins (the workspace's chain lets no one else in): who may sign in, and the audit
 * log. Accounts are added from the command line (README: the first administrator).
 */
@Controller
class AccountsController {

	/** Audit entries a page. */
	static final int PAGE = 50;

	private final StaffAccounts accounts;

	private final Audit audit;

	private final MessageSourceAccessor text;

	AccountsController(StaffAccounts accounts, Audit audit, MessageSource messages) {
		this.accounts = accounts;
		this.audit = audit;
		this.text = new MessageSourceAccessor(messages);
	}

	@GetMapping("/manage/accounts")
	String accounts(Model model) {
		Instant now = Instant.now();
		List<List<Cell>> rows = this.accounts.all()
			.stream()
			.map(account -> List.of(Cell.of(account.name()), Cell.of(account.email()),
					Cell.of(this.text.getMessage("role." + account.role().key())),
					Cell.of(account.role() == Role.PUBLISHER ? String.join(", ", account.publisherIds())
							: this.text.getMessage("accounts.every")),
					Cell.of(this.text.getMessage(!account.enabled() ? "accounts.state.disabled"
							: account.lockedAt(now) ? "accounts.state.locked" : "accounts.state.active")),
					Cell.of(account.lastSignedIn() == null ? this.text.getMessage("accounts.never")
							: when(account.lastSignedIn()))))
			.toList();
		model.addAttribute("table", new Table(this.text.getMessage("accounts.caption"),
				List.of(this.text.getMessage("accounts.name"), this.text.getMessage("accounts.email"),
						this.text.getMessage("accounts.role"), this.text.getMessage("accounts.publishers"),
						this.text.getMessage("accounts.state"), this.text.getMessage("accounts.lastSignedIn")),
				rows));
		return "manage/accounts";
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
