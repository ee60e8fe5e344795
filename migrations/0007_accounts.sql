-- Accounts, roles, sessions, one-time tokens, outgoing mail, durable jobs, submissions and the audit log.
-- No personal data where none is needed: sessions and tokens are stored as SHA-256 hashes, no IP addresses are kept.

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  -- argon2id PHC string; NULL for an account that signs in by magic link only (or has not set one yet).
  password_hash text,
  -- Base32 TOTP secret; required for admins and moderators before they reach the admin.
  totp_secret text,
  totp_enabled boolean NOT NULL DEFAULT false,
  preferred_locale text NOT NULL DEFAULT 'es' CHECK (preferred_locale IN ('es', 'en', 'fr', 'ht', 'pt')),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email);

-- A role with its scope: moderators per country, editors per organization, hub reporters per hub (a location).
CREATE TABLE user_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'moderator', 'org_editor', 'hub_reporter', 'publisher')),
  country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'),
  organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE,
  hub_location_id uuid REFERENCES locations (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'moderator') = (country_code IS NOT NULL)),
  CHECK ((role = 'org_editor') = (organization_id IS NOT NULL)),
  CHECK ((role = 'hub_reporter') = (hub_location_id IS NOT NULL))
);
CREATE UNIQUE INDEX user_roles_unique
  ON user_roles (user_id, role, coalesce(country_code, ''), coalesce(organization_id::text, ''), coalesce(hub_location_id::text, ''));

-- Sessions live in the database so any app instance can serve any request. id = SHA-256 of the cookie token.
CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- false until the second factor is given (accounts with TOTP).
  second_factor_done boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Single-use links: magic sign-in, password reset, invitation, submission confirmation, listing re-verification.
CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('magic_link', 'password_reset', 'invitation', 'confirm_submission', 'reverify')),
  user_id uuid REFERENCES users (id) ON DELETE CASCADE,
  email text,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX auth_tokens_expiry ON auth_tokens (expires_at);

-- Every outgoing message is written here first; a job delivers it over SMTP when one is configured,
-- otherwise it stays here for admins to read in the app.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  kind text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX mail_outbox_recent ON mail_outbox (created_at DESC);

-- Durable jobs: survive a restart; claimed with FOR UPDATE SKIP LOCKED so one instance runs each.
CREATE TABLE jobs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  -- At most one pending job per key (e.g. one daily sweep): enqueueing again is a no-op.
  unique_key text,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_by text,
  locked_until timestamptz,
  done_at timestamptz,
  failed_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;
CREATE UNIQUE INDEX jobs_pending_key ON jobs (unique_key) WHERE done_at IS NULL AND failed_at IS NULL;

-- Submissions and edits waiting for moderation. `listing` is the whole proposed listing (organization, its
-- locations and services) as one document; the live tables change only when a moderator approves.
CREATE TABLE submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The draft link is unguessable: only its hash is stored.
  draft_token_hash text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('new_listing', 'edit')),
  organization_id uuid REFERENCES organizations (id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'awaiting_confirmation', 'pending', 'changes_requested', 'approved', 'rejected')),
  listing jsonb NOT NULL,
  locale text NOT NULL CHECK (locale IN ('es', 'en', 'fr', 'ht', 'pt')),
  country_code char(2) CHECK (country_code ~ '^[A-Z]{2}$'),
  submitter_email text,
  submitter_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- Likely duplicates found when it entered the queue: [{organization_id, reasons: [...]}].
  duplicates jsonb NOT NULL DEFAULT '[]',
  decision_reason text,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz,
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submissions_queue ON submissions (status, country_code, submitted_at);
CREATE INDEX submissions_email ON submissions (submitter_email, created_at);

-- Audit log of every change to directory data, in the shape of HSDS `metadata`. Append-only: the triggers
-- below refuse UPDATE and DELETE, so not even a bug in the app can rewrite history.
CREATE TABLE audit_log (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id uuid NOT NULL,
  resource_type text NOT NULL,
  last_action_date timestamptz NOT NULL DEFAULT now(),
  last_action_type text NOT NULL CHECK (last_action_type IN ('create', 'update', 'delete', 'verify', 'merge')),
  field_name text NOT NULL DEFAULT '',
  previous_value jsonb,
  replacement_value jsonb,
  updated_by text NOT NULL,
  actor_user_id uuid,
  submission_id uuid
);
CREATE INDEX audit_log_resource ON audit_log (resource_type, resource_id, last_action_date DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- When a contact was last asked to re-verify a listing (the freshness job).
ALTER TABLE organizations ADD COLUMN reverify_requested_at timestamptz;
