-- The duplicate keys of migration 0004 as stored generated columns: computed once per write instead
-- of once per index and again for every candidate row a duplicate check reads (bulk import).
DROP INDEX contributions_title_key_idx;
DROP INDEX contributions_sponsor_key_idx;
ALTER TABLE contributions
  ADD COLUMN title_key text GENERATED ALWAYS AS (duplicate_key(title)) STORED,
  ADD COLUMN sponsor_key text GENERATED ALWAYS AS (duplicate_key(content #>> '{sponsor,name}')) STORED;
CREATE INDEX contributions_title_key_prefix_idx ON contributions (left(title_key, 20));
CREATE INDEX contributions_sponsor_key_idx ON contributions (sponsor_key);
