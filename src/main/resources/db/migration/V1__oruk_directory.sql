-- The ORUK 3.0 (HSDS-UK 3.0) tables, with ORUK's field names, plus the HSDS 3.0 fields that real
-- feeds carry. Text limits match uk.signpost.ingest.RecordValidator: 500 for short text, 2048 for
-- URLs, 20000 for long text.
--
-- Identity: every record's "id" is Signpost's own UUID, derived from (publisher, the publisher's
-- id), so two feeds never overwrite each other. The publisher's own id is kept in source_id.
-- See docs/adr/0002-record-identity.md.
--
-- Column names that are SQL keywords ("interval", "count", "option") are quoted; the H2 URL uses
-- DATABASE_TO_LOWER so quoted lower-case names match on H2 and PostgreSQL alike.

CREATE TABLE publisher (
    id               VARCHAR(100) PRIMARY KEY,
    name             VARCHAR(500) NOT NULL,
    url              VARCHAR(2048),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_imported_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE organization (
    id                     VARCHAR(36) PRIMARY KEY,
    publisher_id           VARCHAR(100) NOT NULL REFERENCES publisher (id),
    source_id              VARCHAR(500) NOT NULL,
    name                   VARCHAR(500) NOT NULL,
    alternate_name         VARCHAR(500),
    description            VARCHAR(20000),
    email                  VARCHAR(500),
    website                VARCHAR(2048),
    logo                   VARCHAR(2048),
    uri                    VARCHAR(2048),
    legal_status           VARCHAR(500),
    year_incorporated      INTEGER,
    parent_organization_id VARCHAR(36),
    content_hash           VARCHAR(64) NOT NULL,
    imported_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT organization_source UNIQUE (publisher_id, source_id)
);

CREATE TABLE organization_identifier (
    id                VARCHAR(36) PRIMARY KEY,
    organization_id   VARCHAR(36) NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    identifier_scheme VARCHAR(500),
    identifier_type   VARCHAR(500),
    identifier        VARCHAR(500)
);
CREATE INDEX organization_identifier_owner ON organization_identifier (organization_id);

CREATE TABLE location (
    id                       VARCHAR(36) PRIMARY KEY,
    publisher_id             VARCHAR(100) NOT NULL REFERENCES publisher (id),
    source_id                VARCHAR(500) NOT NULL,
    organization_id          VARCHAR(36),
    location_type            VARCHAR(20) NOT NULL,
    url                      VARCHAR(2048),
    name                     VARCHAR(500),
    alternate_name           VARCHAR(500),
    description              VARCHAR(20000),
    transportation           VARCHAR(20000),
    latitude                 DOUBLE PRECISION,
    longitude                DOUBLE PRECISION,
    external_identifier      VARCHAR(500),
    external_identifier_type VARCHAR(500),
    content_hash             VARCHAR(64) NOT NULL,
    imported_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at             TIMESTAMP WITH TIME ZONE,
    CONSTRAINT location_source UNIQUE (publisher_id, source_id)
);

CREATE TABLE address (
    id             VARCHAR(36) PRIMARY KEY,
    location_id    VARCHAR(36) NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    attention      VARCHAR(500),
    address_1      VARCHAR(500),
    address_2      VARCHAR(500),
    city           VARCHAR(500),
    region         VARCHAR(500),
    state_province VARCHAR(500),
    postal_code    VARCHAR(20),
    country        VARCHAR(500),
    address_type   VARCHAR(20)
);
CREATE INDEX address_owner ON address (location_id);
CREATE INDEX address_postal_code ON address (postal_code);

CREATE TABLE accessibility (
    id          VARCHAR(36) PRIMARY KEY,
    location_id VARCHAR(36) NOT NULL REFERENCES location (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    description VARCHAR(20000),
    details     VARCHAR(20000),
    url         VARCHAR(2048)
);
CREATE INDEX accessibility_owner ON accessibility (location_id);

CREATE TABLE service (
    id                      VARCHAR(36) PRIMARY KEY,
    publisher_id            VARCHAR(100) NOT NULL REFERENCES publisher (id),
    source_id               VARCHAR(500) NOT NULL,
    organization_id         VARCHAR(36) REFERENCES organization (id),
    name                    VARCHAR(500) NOT NULL,
    alternate_name          VARCHAR(500),
    description             VARCHAR(20000),
    url                     VARCHAR(2048),
    email                   VARCHAR(500),
    status                  VARCHAR(30) NOT NULL,
    interpretation_services VARCHAR(20000),
    application_process     VARCHAR(20000),
    fees                    VARCHAR(20000),
    accreditations          VARCHAR(20000),
    eligibility_description VARCHAR(20000),
    minimum_age             INTEGER,
    maximum_age             INTEGER,
    assured_date            DATE,
    assurer_email           VARCHAR(500),
    licenses                VARCHAR(20000),
    alert                   VARCHAR(20000),
    last_modified           TIMESTAMP WITH TIME ZONE,
    content_hash            VARCHAR(64) NOT NULL,
    imported_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT service_source UNIQUE (publisher_id, source_id)
);
CREATE INDEX service_organization ON service (organization_id);
CREATE INDEX service_last_modified ON service (last_modified);

CREATE TABLE service_at_location (
    id          VARCHAR(36) PRIMARY KEY,
    service_id  VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    location_id VARCHAR(36) NOT NULL REFERENCES location (id),
    description VARCHAR(20000)
);
CREATE INDEX service_at_location_owner ON service_at_location (service_id);
CREATE INDEX service_at_location_location ON service_at_location (location_id);

-- Schedules of a service, or of one of its service_at_locations (service_at_location_id set).
CREATE TABLE schedule (
    id                     VARCHAR(36) PRIMARY KEY,
    service_id             VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position               INTEGER NOT NULL,
    service_at_location_id VARCHAR(36),
    valid_from             DATE,
    valid_to               DATE,
    dtstart                DATE,
    timezone               INTEGER,
    until                  DATE,
    "count"                INTEGER,
    wkst                   VARCHAR(2),
    freq                   VARCHAR(10),
    "interval"             INTEGER,
    byday                  VARCHAR(500),
    byweekno               VARCHAR(500),
    bymonthday             VARCHAR(500),
    byyearday              VARCHAR(500),
    description            VARCHAR(20000),
    opens_at               TIME,
    closes_at              TIME,
    schedule_link          VARCHAR(2048),
    attending_type         VARCHAR(500),
    notes                  VARCHAR(20000)
);
CREATE INDEX schedule_owner ON schedule (service_id);

CREATE TABLE service_area (
    id          VARCHAR(36) PRIMARY KEY,
    service_id  VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        VARCHAR(20000),
    description VARCHAR(20000),
    extent      VARCHAR(20000),
    extent_type VARCHAR(30),
    uri         VARCHAR(2048)
);
CREATE INDEX service_area_owner ON service_area (service_id);

-- Languages of a service; phone_id set when the language is that of one of its phones.
CREATE TABLE language (
    id         VARCHAR(36) PRIMARY KEY,
    service_id VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    phone_id   VARCHAR(36),
    name       VARCHAR(500),
    code       VARCHAR(20),
    note       VARCHAR(20000)
);
CREATE INDEX language_owner ON language (service_id);

CREATE TABLE funding (
    id         VARCHAR(36) PRIMARY KEY,
    service_id VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    source     VARCHAR(20000)
);
CREATE INDEX funding_owner ON funding (service_id);

CREATE TABLE cost_option (
    id                 VARCHAR(36) PRIMARY KEY,
    service_id         VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    valid_from         DATE,
    valid_to           DATE,
    "option"           VARCHAR(500),
    currency           VARCHAR(3),
    amount             NUMERIC(12, 2),
    amount_description VARCHAR(20000)
);
CREATE INDEX cost_option_owner ON cost_option (service_id);

CREATE TABLE contact (
    id         VARCHAR(36) PRIMARY KEY,
    service_id VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       VARCHAR(500),
    title      VARCHAR(500),
    department VARCHAR(500),
    email      VARCHAR(500)
);
CREATE INDEX contact_owner ON contact (service_id);

-- Phones of a service, or of one of its contacts (contact_id set).
CREATE TABLE phone (
    id          VARCHAR(36) PRIMARY KEY,
    service_id  VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    contact_id  VARCHAR(36),
    number      VARCHAR(100) NOT NULL,
    extension   VARCHAR(20),
    type        VARCHAR(30),
    description VARCHAR(20000)
);
CREATE INDEX phone_owner ON phone (service_id);

CREATE TABLE required_document (
    id         VARCHAR(36) PRIMARY KEY,
    service_id VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    document   VARCHAR(20000),
    uri        VARCHAR(2048)
);
CREATE INDEX required_document_owner ON required_document (service_id);

CREATE TABLE taxonomy (
    id           VARCHAR(36) PRIMARY KEY,
    publisher_id VARCHAR(100) NOT NULL REFERENCES publisher (id),
    source_id    VARCHAR(500) NOT NULL,
    name         VARCHAR(500) NOT NULL,
    description  VARCHAR(20000),
    uri          VARCHAR(2048),
    version      VARCHAR(100),
    content_hash VARCHAR(64) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT taxonomy_source UNIQUE (publisher_id, source_id)
);

CREATE TABLE taxonomy_term (
    id           VARCHAR(36) PRIMARY KEY,
    publisher_id VARCHAR(100) NOT NULL REFERENCES publisher (id),
    source_id    VARCHAR(500) NOT NULL,
    code         VARCHAR(500),
    name         VARCHAR(500) NOT NULL,
    description  VARCHAR(20000),
    parent_id    VARCHAR(36),
    taxonomy     VARCHAR(500),
    taxonomy_id  VARCHAR(36),
    language     VARCHAR(20),
    term_uri     VARCHAR(2048),
    content_hash VARCHAR(64) NOT NULL,
    imported_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT taxonomy_term_source UNIQUE (publisher_id, source_id)
);
CREATE INDEX taxonomy_term_parent ON taxonomy_term (parent_id);

-- Attributes that link a service to a taxonomy term (the service's categories).
CREATE TABLE attribute (
    id               VARCHAR(36) PRIMARY KEY,
    service_id       VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    link_type        VARCHAR(500),
    link_entity      VARCHAR(100),
    taxonomy_term_id VARCHAR(36),
    "value"          VARCHAR(20000),
    label            VARCHAR(500)
);
CREATE INDEX attribute_owner ON attribute (service_id);
CREATE INDEX attribute_term ON attribute (taxonomy_term_id);

-- Change history records (HSDS "metadata") that a feed sends with a service.
CREATE TABLE metadata (
    id                VARCHAR(36) PRIMARY KEY,
    service_id        VARCHAR(36) NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    resource_id       VARCHAR(500),
    resource_type     VARCHAR(100),
    last_action_date  DATE,
    last_action_type  VARCHAR(100),
    field_name        VARCHAR(500),
    previous_value    VARCHAR(20000),
    replacement_value VARCHAR(20000),
    updated_by        VARCHAR(500)
);
CREATE INDEX metadata_owner ON metadata (service_id);

-- One row per import run, with what it did and what was wrong.
CREATE TABLE import_run (
    id                 BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    publisher_id       VARCHAR(100) NOT NULL,
    source             VARCHAR(2048) NOT NULL,
    full_feed          BOOLEAN NOT NULL,
    started_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome            VARCHAR(20) NOT NULL,
    services_read      INTEGER NOT NULL,
    services_created   INTEGER NOT NULL,
    services_updated   INTEGER NOT NULL,
    services_unchanged INTEGER NOT NULL,
    services_withdrawn INTEGER NOT NULL,
    services_skipped   INTEGER NOT NULL,
    organizations_written INTEGER NOT NULL,
    locations_written  INTEGER NOT NULL,
    taxonomy_terms_written INTEGER NOT NULL,
    failure            VARCHAR(20000)
);
CREATE INDEX import_run_publisher ON import_run (publisher_id, started_at);

CREATE TABLE import_problem (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    import_run_id BIGINT NOT NULL REFERENCES import_run (id) ON DELETE CASCADE,
    severity      VARCHAR(10) NOT NULL,
    record_id     VARCHAR(500),
    json_path     VARCHAR(2048),
    reason        VARCHAR(20000) NOT NULL
);
CREATE INDEX import_problem_run ON import_problem (import_run_id);
