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
class Locks {

	/** Who holds a lock, as the table's locked_by and refusals name it. */
	static final String THIS_NODE = node();

	@Bean
	ExtensibleLockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			.withLockedByValue(THIS_NODE)
			.usingDbTime()
			.build());
	}

	private static String node() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown host";
		}
		return host + ", process " + ProcessHandle.current().pid();
	}

}
