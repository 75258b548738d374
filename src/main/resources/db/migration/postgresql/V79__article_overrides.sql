-- An article can switch pre-moderation and Q&A off where its site's defaults switch them on, and stay open where the
-- site closes articles after N days. The existing premoderate/qa columns keep meaning "on for this article"; neither
-- column set means "as the site".
ALTER TABLE threads ADD COLUMN premoderate_off BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE threads ADD COLUMN qa_off BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE threads ADD COLUMN keep_open BOOLEAN NOT NULL DEFAULT FALSE;
