-- Rate limits (at most 5 reports an hour from one client), shared by every Signpost node:
-- Bucket4j's token buckets, one row a client and limit. id is a keyed hash of the client's
-- address, never the address itself; state is Bucket4j's own; expires_at (milliseconds since
-- 1970) is when the bucket would be full again, after which the row means nothing and is
-- deleted. The same on H2 and PostgreSQL (BYTEA is H2's BINARY VARYING).
CREATE TABLE rate_limit (
    id         VARCHAR(100) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_expires ON rate_limit (expires_at);
