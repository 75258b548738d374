-- Live updates (SSE): what readers and moderators should hear about, in commit order, for every Parley instance.
-- Triggers write the rows in the same transaction as the comment change, whichever path changes it (on PostgreSQL
-- they also ring pg_notify). Imported comments (source set) are history, not news: they make no events. Rows are
-- pruned after an hour; they only serve reconnects (Last-Event-ID).
-- kind: published (readers), queued, reported, resolved, claimed, released (moderators of site_id).
CREATE TABLE live_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL,
  page_key    TEXT,
  kind        TEXT NOT NULL,
  comment_id  INTEGER,
  detail      TEXT,
  created_at  INTEGER NOT NULL
);
CREATE INDEX live_events_created ON live_events (created_at);
CREATE INDEX live_events_page ON live_events (site_id, page_key, id);

CREATE TRIGGER comments_insert_live AFTER INSERT ON comments
  WHEN NEW.source IS NULL AND NEW.state IN ('published', 'pending') BEGIN
  INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at)
  SELECT site_id, page_key, CASE NEW.state WHEN 'published' THEN 'published' ELSE 'queued' END, NEW.id,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM threads WHERE id = NEW.thread_id;
END;

CREATE TRIGGER comments_update_live AFTER UPDATE OF state, report_open ON comments WHEN NEW.source IS NULL BEGIN
  INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at)
  SELECT t.site_id, t.page_key, k.kind, NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM threads t, (
    SELECT 'published' AS kind WHERE NEW.state = 'published' AND OLD.state <> 'published'
    UNION ALL SELECT 'queued' WHERE NEW.state = 'pending' AND OLD.state <> 'pending'
    UNION ALL SELECT 'reported' WHERE NEW.report_open = 1 AND OLD.report_open = 0
    UNION ALL SELECT 'resolved' WHERE (OLD.state = 'pending' AND NEW.state <> 'pending')
      OR (OLD.report_open = 1 AND NEW.report_open = 0)) k
  WHERE t.id = NEW.thread_id;
END;
