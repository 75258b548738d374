-- An article can switch pre-moderation and Q&A off where its site's defaults switch them on, and stay open where the
-- site closes articles after N days. The existing premoderate/qa columns keep meaning "on for this article"; neither
-- column set means "as the site".
ALTER TABLE threads ADD COLUMN premoderate_off INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN qa_off INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN keep_open INTEGER NOT NULL DEFAULT 0;
