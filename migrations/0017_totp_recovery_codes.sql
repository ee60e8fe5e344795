-- Recovery codes for two-step verification (decision 012): ten one-time codes, shown once when the second factor is
-- turned on or made again from the account page, each good once in place of the app's code (a lost phone would
-- otherwise lock a moderator out until an admin resets the account). Kept as SHA-256 hashes: each code holds ~50
-- random bits and wrong guesses count toward the account's lock, so a slow hash would add nothing.
CREATE TABLE totp_recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, code_hash)
);
