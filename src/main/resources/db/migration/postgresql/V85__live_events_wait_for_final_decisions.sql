-- A comment published on the fast stage's scores alone ("by":"provisional" in its moderation, V84) is not news yet:
-- the accurate stage may take it back within milliseconds. Readers' live streams hear of it when its final decision
-- publishes it (the provisional mark replaced), as reply emails and webhooks do; one taken back is queued for moderators.
CREATE OR REPLACE FUNCTION parley_comment_live() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s TEXT;
  p TEXT;
  now_ms BIGINT := (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT;
  before_state TEXT := CASE WHEN TG_OP = 'INSERT' THEN '' ELSE OLD.state END;
  before_open INTEGER := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.report_open END;
  provisional BOOLEAN := COALESCE(NEW.moderation, '') LIKE '%"by":"provisional"%';
  was_provisional BOOLEAN := TG_OP = 'UPDATE' AND COALESCE(OLD.moderation, '') LIKE '%"by":"provisional"%';
BEGIN
  SELECT site_id, page_key INTO s, p FROM threads WHERE id = NEW.thread_id;
  IF NEW.state = 'published' AND NOT provisional AND (before_state <> 'published' OR was_provisional) THEN
    INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at) VALUES (s, p, 'published', NEW.id, now_ms);
  END IF;
  IF NEW.state = 'pending' AND before_state <> 'pending' THEN
    INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at) VALUES (s, p, 'queued', NEW.id, now_ms);
  END IF;
  IF NEW.report_open = 1 AND before_open = 0 THEN
    INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at) VALUES (s, p, 'reported', NEW.id, now_ms);
  END IF;
  IF (before_state = 'pending' AND NEW.state <> 'pending') OR (before_open = 1 AND NEW.report_open = 0) THEN
    INSERT INTO live_events (site_id, page_key, kind, comment_id, created_at) VALUES (s, p, 'resolved', NEW.id, now_ms);
  END IF;
  PERFORM pg_notify('parley_live', '');
  RETURN NULL;
END $$;

DROP TRIGGER comments_live ON comments;
CREATE TRIGGER comments_live AFTER INSERT OR UPDATE OF state, report_open, moderation ON comments
  FOR EACH ROW WHEN (NEW.source IS NULL) EXECUTE FUNCTION parley_comment_live();
