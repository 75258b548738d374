-- Timed suspensions: a ban row with expires_at lapses by itself at that time; NULL keeps the permanent ban.
ALTER TABLE bans ADD COLUMN expires_at BIGINT;
