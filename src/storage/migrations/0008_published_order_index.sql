-- Open data exports read the published contributions page by page in publication order (keyset on
-- (published_at, id)). A partial index in exactly that order lets every page start where the last one
-- ended, also when a bulk import published thousands of rows with one transaction timestamp, and keeps
-- planners without statistics (PGlite never gathers them) from sorting all published rows per page.
CREATE INDEX contributions_published_order_idx ON contributions (published_at, id) WHERE state = 'published';
