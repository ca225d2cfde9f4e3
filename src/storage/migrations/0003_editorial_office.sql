-- Back office, public submissions, notifications and the audit trail (issue 4).

CREATE TABLE users (
  id uuid PRIMARY KEY,
  -- Stored lower-cased and trimmed; the login compares the same form.
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('editor', 'admin')),
  -- argon2id (PHC string); the password itself is never stored.
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_login_at timestamptz
);

CREATE TABLE sessions (
  -- sha256 of the cookie value: a leaked table does not hand out sessions.
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed logins and submissions per client address, shared by all instances (back-off, rate limits).
CREATE TABLE rate_limit_events (
  bucket text NOT NULL,
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rate_limit_events_idx ON rate_limit_events (bucket, key, at);

-- Public submissions in progress, resumable through a secret link (only its hash is stored).
CREATE TABLE submission_drafts (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  -- The form values exactly as typed, so nothing is lost between steps or on an error.
  form_values jsonb NOT NULL DEFAULT '{}',
  step text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Sliding: every save moves it on; expired drafts are refused and purged later.
  expires_at timestamptz NOT NULL,
  -- Set once submitted; a contribution deleted by editors takes its draft (and the personal data) along.
  contribution_id uuid UNIQUE REFERENCES contributions (id) ON DELETE CASCADE
);
CREATE INDEX submission_drafts_expires_idx ON submission_drafts (expires_at);

-- Reference number shown to the submitter ("BK-2026-00042") and who submitted (not public).
ALTER TABLE contributions ADD COLUMN reference text UNIQUE;
ALTER TABLE contributions ADD COLUMN submitter jsonb;
CREATE SEQUENCE contribution_reference_seq;

CREATE TABLE contribution_comments (
  id uuid PRIMARY KEY,
  contribution_id uuid NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  author_id uuid REFERENCES users (id) ON DELETE SET NULL,
  author_name text NOT NULL,
  body text NOT NULL,
  -- Sent to the submitter by mail (through the outbox) rather than kept internal.
  to_submitter boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contribution_comments_idx ON contribution_comments (contribution_id, created_at);

-- Every editorial action: who, when, what, before and after.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  actor text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  detail text
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, at DESC);

-- Mails: sent by SMTP when configured, otherwise kept here for editors; never silently dropped.
CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  purpose text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_error text
);
CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE sent_at IS NULL;

-- Editable settings shared by all instances (e.g. the search synonyms), with a change time to poll.
CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
