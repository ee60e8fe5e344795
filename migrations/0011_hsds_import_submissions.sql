-- An unverified HSDS import queues one submission per organization for moderation (decision 009). This table
-- remembers which submission holds an imported organization, so importing the same data again brings that
-- submission up to date while it is pending instead of queueing a second one.
CREATE TABLE hsds_import_submissions (
  -- The organization's id as imported (an HSDS id; the live id too when the organization is already in Rumbo).
  organization_id uuid PRIMARY KEY,
  submission_id uuid NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX hsds_import_submissions_submission ON hsds_import_submissions (submission_id);
