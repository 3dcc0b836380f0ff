package uk.signpost.ingest;

import net.javacrumbs.shedlock.core.SimpleLock;

import org.springframework.stereotype.Component;

import uk.signpost.nodes.HeldLocks;

/**
 * One import of a feed at a time, whichever node or command starts it: a lock named after
 * the publisher, held while the import runs however long a big feed takes; a node killed
 * mid-import stops holding it (see {@link HeldLocks}), so another may import that feed
 * again.
 */
@Component
class FeedLocks {

	private final HeldLocks locks;

	FeedLocks(HeldLocks locks) {
		this.locks = locks;
	}

	/**
	 * The publisher's import lock, or {@link Importer.AlreadyImporting} naming who holds
	 * it.
	 */
	SimpleLock lock(String publisherId) {
		String name = name(publisherId);
		return this.locks.tryLock(name)
			.orElseThrow(() -> new Importer.AlreadyImporting(publisherId, this.locks.holder(name)));
	}

	static String name(String publisherId) {
		return "import:" + publisherId;
	}

}
