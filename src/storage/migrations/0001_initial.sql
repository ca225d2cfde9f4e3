-- Taxonomies: stable ids from data/taxonomy/*.json, names editable by editors.
CREATE TABLE leitbild_areas (
  id text PRIMARY KEY,
  name text NOT NULL,
  position integer NOT NULL
);

CREATE TABLE sdgs (
  number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 17),
  title text NOT NULL
);

CREATE TABLE leitsaetze (
  number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 22),
  title text NOT NULL,
  -- Editorial mapping, not a fact of the strategy: kept as data.
  area_id text REFERENCES leitbild_areas (id),
  sdgs integer[] NOT NULL DEFAULT '{}'
);

CREATE TABLE regions (
  id text PRIMARY KEY,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('land', 'regierungsbezirk', 'landkreis', 'kreisfreie-stadt')),
  parent_id text REFERENCES regions (id),
  aliases text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL
);

CREATE TABLE contributions (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('projekt', 'material', 'foerderung', 'beratung')),
  state text NOT NULL CHECK (state IN ('draft', 'submitted', 'in_review', 'published', 'rejected', 'archived')),
  title text NOT NULL,
  -- The canonical content (ContributionContentSchema); the columns below are copies for filtering.
  content jsonb NOT NULL,
  period_start date,
  period_end date,
  leitbild_area text REFERENCES leitbild_areas (id),
  leitsaetze integer[] NOT NULL DEFAULT '{}',
  sdgs integer[] NOT NULL DEFAULT '{}',
  region_ids text[] NOT NULL DEFAULT '{}',
  provenance jsonb,
  -- sha256 of the imported source bytes: importing the same file twice is a no-op.
  source_hash text UNIQUE,
  version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  reviewed_at timestamptz
);

CREATE INDEX contributions_state_published_idx ON contributions (state, published_at DESC);
CREATE INDEX contributions_kind_idx ON contributions (kind);
CREATE INDEX contributions_leitsaetze_idx ON contributions USING gin (leitsaetze);
CREATE INDEX contributions_sdgs_idx ON contributions USING gin (sdgs);
CREATE INDEX contributions_region_ids_idx ON contributions USING gin (region_ids);

CREATE TABLE contribution_revisions (
  contribution_id uuid NOT NULL REFERENCES contributions (id) ON DELETE CASCADE,
  version integer NOT NULL,
  actor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- [{ path, before, after }] against the previous version.
  changes jsonb NOT NULL,
  -- Full content and state at this version, so any revision can be shown or restored.
  snapshot jsonb NOT NULL,
  state text NOT NULL,
  note text,
  PRIMARY KEY (contribution_id, version)
);
