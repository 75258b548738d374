-- A comment published on the fast stage's scores alone ("by":"provisional" in its moderation, V84) is not news yet:
-- the accurate stage may take it back within milliseconds. Readers' live streams hear of it when its final decision
-- publishes it (the provisional mark replaced), as reply emails and webhooks do; one taken back is queued for moderators.
DROP TRIGGER comments_insert_live;
DROP TRIGGER comments_update_live;

CREATE TRIGGER comments_insert_live AFTER INSERT ON comments
  WHEN NEW.source IS NULL AND NEW.state IN ('published', 'pending')
    AND COALESCE(NEW.moderation, '') NOT LIKE '%"by":"provisional"%' BEGIN
  INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at)
  SELECT site_id, page_key, CASE NEW.state WHEN 'published' THEN 'published' ELSE 'queued' END, NEW.id,
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM threads WHERE id = NEW.thread_id;
END;

CREATE TRIGGER comments_update_live AFTER UPDATE OF state, report_open, moderation ON comments WHEN NEW.source IS NULL BEGIN
  INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at)
  SELECT t.site_id, t.page_key, k.kind, NEW.id, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
  FROM threads t, (
    SELECT 'published' AS kind WHERE NEW.state = 'published'
      AND COALESCE(NEW.moderation, '') NOT LIKE '%"by":"provisional"%'
      AND (OLD.state <> 'published' OR COALESCE(OLD.moderation, '') LIKE '%"by":"provisional"%')
    UNION ALL SELECT 'queued' WHERE NEW.state = 'pending' AND OLD.state <> 'pending'
    UNION ALL SELECT 'reported' WHERE NEW.report_open = 1 AND OLD.report_open = 0
    UNION ALL SELECT 'resolved' WHERE (OLD.state = 'pending' AND NEW.state <> 'pending')
      OR (OLD.report_open = 1 AND NEW.report_open = 0)) k
  WHERE t.id = NEW.thread_id;
END;
