-- A fingerprint of each part of a record (its own fields, and each list it owns: phones,
-- schedules, addresses ...), so that a copy which leaves a list out keeps what a fuller copy
-- gave, and re-importing the same copies changes nothing (ADR 0011). NULL: written before.
ALTER TABLE service ADD COLUMN content_parts VARCHAR(1000);
ALTER TABLE location ADD COLUMN content_parts VARCHAR(1000);
ALTER TABLE organization ADD COLUMN content_parts VARCHAR(1000);
