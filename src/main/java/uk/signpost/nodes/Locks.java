package uk.signpost.nodes;

import java.net.InetAddress;
import java.net.UnknownHostException;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks every node sees, in the shedlock table (V14): a method marked
 * {@code @SchedulerLock} runs on one node at a time, and a node that finds the lock held
 * skips that run. A lock ends when its holder is done (or, for scheduled work, no sooner
 * than its lockAtLeastFor), and at the latest at its lockAtMostFor, so a node killed
 * while holding one stops holding it. Times are the database's, so nodes' clocks may
 * differ.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", proxyTargetClass = true)
public class Locks {

	private static final String HOST = host();

	private static final String PROCESS = ", process ";

	/** Who holds a lock, as the table's locked_by and refusals name it. */
	static final String THIS_NODE = HOST + PROCESS + ProcessHandle.current().pid();

	/**
	 * Whether a lock's holder (its locked_by) is a process on this machine that has
	 * ended, killed say: its locks are nobody's, and need not wait for their time to run
	 * out.
	 */
	public static boolean endedHere(String lockedBy) {
		if (lockedBy == null || !lockedBy.startsWith(HOST + PROCESS)) {
			return false;
		}
		try {
			long pid = Long.parseLong(lockedBy.substring((HOST + PROCESS).length()));
			return pid != ProcessHandle.current().pid()
					&& !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	@Bean
	ExtensibleLockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(THIS_NODE)
			.usingDbTime()
			.build());
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unknown host";
		}
	}

}
