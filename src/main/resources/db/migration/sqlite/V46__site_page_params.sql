-- Query parameters that tell one of the site's pages from another (space-separated); all others are dropped from
-- URL page keys (parley.thread.ThreadKey). Default: none matter.
ALTER TABLE sites ADD COLUMN page_params TEXT NOT NULL DEFAULT '';
