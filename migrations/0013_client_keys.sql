-- One-time keys of forms (issue 7): every submission and hub report form carries a random UUID the server puts in
-- it when it renders the page, so a form sent twice (a double click, or a copy replayed from a device's outbox after
-- the first answer was lost on a bad network) gets the outcome of the first time and never makes a second record.
-- Only a hash of the key (bound to the address it was posted to) is kept; `target` is where the first answer sent
-- the browser, sealed with the key itself (AES-GCM), because it can be a private draft link.
CREATE TABLE client_keys (
  key text PRIMARY KEY,
  kind text NOT NULL,
  target text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX client_keys_created_at ON client_keys (created_at);
