-- Readers' accounts inside the widget. A widget session travels in a header the embed script sets (no cookie: no
-- CSRF, and no third-party cookie for browsers to block) and never carries staff roles; cookie sessions are the
-- dashboard's. Profile: the avatar's hue (0-359; NULL = derived from the name) and whether replies are emailed.
ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'cookie';
ALTER TABLE accounts ADD COLUMN avatar_hue INTEGER;
ALTER TABLE accounts ADD COLUMN notify_replies INTEGER NOT NULL DEFAULT 0;
CREATE INDEX sessions_account ON sessions (account_id);
