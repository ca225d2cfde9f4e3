-- Issue 6: write access for trusted systems, rate limits shared by all instances, outbox claims.

-- API tokens: only the SHA-256 of the secret is stored; revoked tokens are kept for the audit trail.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  -- The first characters of the secret, to recognise a token in lists and logs without revealing it.
  prefix text NOT NULL,
  scopes text[] NOT NULL CHECK (scopes <@ ARRAY['import', 'edit']::text[] AND cardinality(scopes) > 0),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by_label text
);

-- Fixed-window request counters (API rate limits). UNLOGGED: counting is hot and losing the counts
-- of the current minute in a server crash is harmless; PGlite accepts the same statement.
CREATE UNLOGGED TABLE rate_limit_counters (
  bucket text NOT NULL,
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (bucket, key, window_start)
);

-- Several instances deliver the outbox: a mail is claimed for a while before it is sent, so no
-- two instances send the same mail.
ALTER TABLE outbox ADD COLUMN claimed_until timestamptz;
