package uk.signpost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;

import uk.signpost.staff.Audit;
import uk.signpost.staff.Role;
import uk.signpost.staff.StaffAccounts;

/**
 * {@code users add|list|disable|enable}: staff accounts from the server's command line,
 * which is how the first administrator is made. A password is only ever read from
 * standard input (--password-stdin), never from the command line, where other users and
 * the shell's history would see it.
 */
final class UsersCommand {

	private UsersCommand() {
	}

	static int run(List<String> positional, Map<String, String> options, Set<String> flags, List<String> spring,
			InputStream in, PrintStream out, PrintStream err) throws IOException {
		String action = positional.isEmpty() ? "" : positional.get(0);
		if (!List.of("add", "list", "disable", "enable").contains(action)) {
			throw new IllegalArgumentException("users needs add, list, disable or enable");
		}
		if (!action.equals("list") && !options.containsKey("email")) {
			throw new IllegalArgumentException("users " + action + " needs --email <address>");
		}
		Role role = null;
		String password = null;
		if (action.equals("add")) {
			role = Role.parse(options.get("role"));
			if (role == null) {
				throw new IllegalArgumentException("users add needs --role admin, curator or publisher");
			}
			if (flags.contains("password-stdin")) {
				password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
				if (password == null || password.isEmpty()) {
					throw new IllegalArgumentException("--password-stdin read no password from standard input");
				}
			}
		}
		try (ConfigurableApplicationContext context = Commands.start(spring)) {
			StaffAccounts accounts = context.getBean(StaffAccounts.class);
			Audit audit = context.getBean(Audit.class);
			String email = StaffAccounts.normalise(options.get("email"));
			switch (action) {
				case "add" -> {
					Set<String> publishers = new LinkedHashSet<>();
					if (options.containsKey("publisher")) {
						Arrays.stream(options.get("publisher").split(","))
							.map(String::strip)
							.filter(id -> !id.isEmpty())
							.forEach(publishers::add);
					}
					StaffAccounts.Account account = accounts.add(new StaffAccounts.NewAccount(email,
							options.get("name"), options.get("organisation"), role, publishers, password),
							Instant.now());
					audit.record("command line", "account-added", "account", account.email(),
							role.key() + (publishers.isEmpty() ? "" : " for " + String.join(", ", publishers)));
					out.printf("Added %s (%s)%s%s%n", account.email(), role.key(),
							publishers.isEmpty() ? "" : " for " + String.join(", ", publishers),
							password == null ? "; signs in through the identity provider only" : "");
				}
				case "list" -> accounts.all()
					.forEach(account -> out.printf("%-40s %-10s %-8s %s%n", account.email(), account.role().key(),
							account.enabled() ? "enabled" : "disabled", String.join(",", account.publisherIds())));
				default -> {
					boolean enable = action.equals("enable");
					if (!accounts.setEnabled(email, enable)) {
						err.println("There is no account for " + email);
						return 1;
					}
					audit.record("command line", enable ? "account-enabled" : "account-disabled", "account", email,
							null);
					out.println((enable ? "Enabled " : "Disabled ") + email);
				}
			}
			return 0;
		}
		catch (StaffAccounts.Refused ex) {
			err.println(ex.getMessage() + ". Nothing was changed.");
			return 1;
		}
	}

}
