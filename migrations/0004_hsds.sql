-- Open data (HSDS 3.0): keep what an imported HSDS record carries beyond Rumbo's model, so that an import followed
-- by an export loses nothing. `hsds_extra` holds the record's fields Rumbo does not model (as HSDS JSON);
-- `hsds_records` holds whole records of HSDS tables Rumbo has no table for (programs, funding, contacts, ...).

ALTER TABLE organizations ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE services ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE locations ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE addresses ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE phones ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE schedules ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE taxonomy_terms ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE service_at_locations ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';
ALTER TABLE required_documents ADD COLUMN hsds_extra jsonb NOT NULL DEFAULT '{}';

CREATE TABLE hsds_records (
  resource text NOT NULL CHECK (resource ~ '^[a-z_]{2,64}$'),
  id uuid NOT NULL,
  record jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource, id)
);
