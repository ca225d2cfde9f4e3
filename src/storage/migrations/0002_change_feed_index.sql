-- The search index of every instance follows changes in (updated_at, id) order.
CREATE INDEX contributions_change_feed_idx ON contributions (updated_at, id);
