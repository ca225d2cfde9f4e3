-- New slugs look up existing "<base>-<n>" slugs by prefix; a pattern-ops index answers that in
-- every collation instead of scanning all contributions for each one created.
CREATE INDEX contributions_slug_prefix_idx ON contributions (slug text_pattern_ops);
