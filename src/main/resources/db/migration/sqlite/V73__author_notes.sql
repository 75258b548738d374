-- Moderators' notes on an author, keyed as bans are (AuthorRef.key(): account:12, client:..., ip:..., email:...).
CREATE TABLE author_notes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL REFERENCES sites(id),
  author_key  TEXT NOT NULL,
  body        TEXT NOT NULL,
  created_by  INTEGER REFERENCES accounts(id),
  created_by_name TEXT NOT NULL,
  created_at  INTEGER NOT NULL
);
CREATE INDEX author_notes_by_author ON author_notes (site_id, author_key, id);
