-- Pairs of services from different publishers that may be the same service (duplicates
-- package), keyed by the two Signpost ids (stable across re-imports, ADR 0002; service_a is
-- the smaller), so a curator's decision outlives every re-import. No foreign key: a decision
-- is kept even while a service is withdrawn or its feed is re-imported.
CREATE TABLE duplicate_pair (
    service_a  VARCHAR(36)      NOT NULL,
    service_b  VARCHAR(36)      NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    reasons    VARCHAR(500)     NOT NULL,
    state      VARCHAR(20)      NOT NULL CHECK (state IN ('candidate', 'confirmed', 'rejected')),
    found_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by VARCHAR(320),
    decided_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (service_a, service_b)
);
CREATE INDEX duplicate_pair_state ON duplicate_pair (state, score);
