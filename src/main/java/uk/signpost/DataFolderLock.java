package uk.signpost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * One process at a time uses a data folder: the site, or one command. The search index,
 * the downloads and (on H2) the database live there, and a second process would either
 * crash on their locks or commit what the first one's index never sees. The lock is the
 * operating system's, so a process killed with SIGKILL never leaves it held.
 */
public final class DataFolderLock implements ApplicationListener<ApplicationEvent> {

	private FileChannel channel;

	private FileLock lock;

	/**
	 * Takes the lock as soon as Spring knows the data folder, before anything opens it.
	 */
	public static void install(SpringApplication application) {
		application.addListeners(new DataFolderLock());
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
			acquire(Path.of(prepared.getEnvironment().getProperty("signpost.data-dir", "./data")));
		}
		else if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
			release();
		}
	}

	private void acquire(Path dataDir) {
		Path file = dataDir.toAbsolutePath().normalize().resolve("signpost.lock");
		try {
			Files.createDirectories(dataDir);
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			try {
				this.lock = this.channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				this.lock = null;
			}
			if (this.lock == null) {
				String holder = Files.readString(file).strip();
				this.channel.close();
				throw new Busy("Signpost is already running on the data folder " + dataDir.toAbsolutePath().normalize()
						+ (holder.isEmpty() ? "" : " (" + holder + ")")
						+ ": stop it first, or give this command another --signpost.data-dir.");
			}
			this.channel.truncate(0);
			this.channel
				.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
			this.channel.force(true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not lock " + file, ex);
		}
	}

	private void release() {
		try {
			if (this.lock != null) {
				this.lock.release();
				this.lock = null;
			}
			if (this.channel != null) {
				this.channel.close();
				this.channel = null;
			}
		}
		catch (IOException ex) {
			// Released by the operating system when the process ends.
		}
	}

	/**
	 * Another process has the data folder. Spring Boot lets this end the start quietly,
	 * without a stack trace: the message is all a person needs.
	 */
	public static final class Busy extends SpringApplication.AbandonedRunException {

		private final String message;

		Busy(String message) {
			this.message = message;
		}

		@Override
		public String getMessage() {
			return this.message;
		}

	}

}
