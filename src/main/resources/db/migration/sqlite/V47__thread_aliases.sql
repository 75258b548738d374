-- Page keys a thread was moved or merged away from: they keep resolving to the thread, so old links and old
-- widgets do not start an empty discussion (parley.moderation.queue.ThreadMoves).
CREATE TABLE thread_aliases (
  site_id     TEXT NOT NULL REFERENCES sites(id),
  page_key    TEXT NOT NULL,
  thread_id   INTEGER NOT NULL REFERENCES threads(id),
  created_at  INTEGER NOT NULL,
  PRIMARY KEY (site_id, page_key)
);
CREATE INDEX thread_aliases_thread ON thread_aliases (thread_id);
