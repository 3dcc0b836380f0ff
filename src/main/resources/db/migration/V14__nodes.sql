-- Several Signpost nodes over one database (docs/scaling.md, docs/adr/0018-several-nodes.md).
-- The same on H2 and PostgreSQL; Flyway owns these tables, so Spring Session and ShedLock
-- create none of their own.

-- The workspace's sessions (signed-in staff, their CSRF token, the page asked for before
-- signing in), kept by Spring Session JDBC so that any node serves any request. Spring
-- Session's own schema, but a principal is a staff email, which may be 320 characters.
-- Times are milliseconds since 1970.
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(320),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

-- A session's attributes, each Java-serialised (so every node runs the same release).
CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- ShedLock's locks: scheduled work (analytics roll-ups, review reminders, feed refreshes) on
-- one node at a time, and one import of a feed at a time ("import:<publisher>"). A lock is
-- held until lock_until (the database's own clock, so nodes' clocks may differ), so a node
-- killed while holding one gives it up when that passes; locked_by names the node.
CREATE TABLE shedlock (
    name       VARCHAR(200) NOT NULL,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
