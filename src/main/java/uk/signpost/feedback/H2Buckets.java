package uk.signpost.feedback;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's buckets in the rate_limit table on H2, which Bucket4j has no module for: its
 * PostgreSQL module writes INSERT ... ON CONFLICT (id) DO NOTHING, which H2 refuses. Only
 * the statements are ours; locking, retrying and the bucket arithmetic are Bucket4j's
 * (select for update, as its PostgreSQL module does).
 */
final class H2Buckets extends AbstractSelectForUpdateBasedProxyManager<String> implements ExpiredEntriesCleaner {

	private final DataSource dataSource;

	private final CustomColumnProvider<String> expiresAt;

	H2Buckets(DataSource dataSource, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
		this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
				config.getExpirationAfterWriteStrategy().orElseThrow());
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeout) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new SelectForUpdateBasedTransaction() {

			@Override
			public void begin(Optional<Long> timeout) {
				run(() -> connection.setAutoCommit(false));
			}

			@Override
			public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
				return call(() -> {
					try (PreparedStatement select = statement(connection,
							"SELECT state FROM rate_limit WHERE id = ? FOR UPDATE", timeout, key)) {
						try (ResultSet row = select.executeQuery()) {
							return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
						}
					}
				});
			}

			@Override
			public boolean tryInsertEmptyData(Optional<Long> timeout) {
				return call(() -> {
					try (PreparedStatement insert = statement(connection,
							"INSERT INTO rate_limit (id, state) VALUES (?, NULL)", timeout, key)) {
						return insert.executeUpdate() > 0;
					}
					catch (SQLException ex) {
						// Another request made the row first: Bucket4j tries again and
						// locks it.
						if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
							return false;
						}
						throw ex;
					}
				});
			}

			@Override
			public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
				run(() -> {
					try (PreparedStatement update = connection
						.prepareStatement("UPDATE rate_limit SET state = ?, expires_at = ? WHERE id = ?")) {
						applyTimeout(update, timeout);
						update.setBytes(1, data);
						H2Buckets.this.expiresAt.setCustomField(key, 2, update, state, currentTimeNanos());
						update.setString(3, key);
						update.executeUpdate();
					}
				});
			}

			@Override
			public void commit(Optional<Long> timeout) {
				run(connection::commit);
			}

			@Override
			public void rollback() {
				run(connection::rollback);
			}

			@Override
			public void release() {
				run(connection::close);
			}

		};
	}

	private PreparedStatement statement(Connection connection, String sql, Optional<Long> timeout, String key)
			throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		applyTimeout(statement, timeout);
		statement.setString(1, key);
		return statement;
	}

	@Override
	public void removeProxy(String key) {
		run(() -> {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement delete = connection.prepareStatement("DELETE FROM rate_limit WHERE id = ?")) {
				delete.setString(1, key);
				delete.executeUpdate();
			}
		});
	}

	/**
	 * Rows are one a client that reported in the last hour: few enough for one delete.
	 */
	@Override
	public int removeExpired(int batchSize) {
		return call(() -> {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement delete = connection
						.prepareStatement("DELETE FROM rate_limit WHERE expires_at < ?")) {
				delete.setLong(1, System.currentTimeMillis());
				return delete.executeUpdate();
			}
		});
	}

	private interface Sql<T> {

		T call() throws SQLException;

	}

	private interface SqlRun {

		void run() throws SQLException;

	}

	private static <T> T call(Sql<T> sql) {
		try {
			return sql.call();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	private static void run(SqlRun sql) {
		call(() -> {
			sql.run();
			return null;
		});
	}

}
