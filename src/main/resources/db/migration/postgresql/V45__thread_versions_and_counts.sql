-- Thread reads are served from a cache that is valid while its thread's version is unchanged, and a thread's published
-- count is read on every thread read and count request. Triggers keep both in the same transaction as the write,
-- whichever path writes (API, moderators, imports, GDPR erase, repairs), so no code path can forget to invalidate and
-- every Parley instance sharing the database sees the new version on its next read.
ALTER TABLE threads ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
  ADD COLUMN published_count INTEGER NOT NULL DEFAULT 0;
UPDATE threads t SET published_count =
  (SELECT COUNT(*) FROM comments c WHERE c.thread_id = t.id AND c.state = 'published');

CREATE FUNCTION parley_comment_bumps_thread() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE threads SET version = version + 1, published_count = published_count + (NEW.state = 'published')::int
    WHERE id = NEW.thread_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE threads SET version = version + 1, published_count = published_count - (OLD.state = 'published')::int
    WHERE id = OLD.thread_id;
  ELSE
    UPDATE threads SET version = version + 1,
      published_count = published_count
        - (CASE WHEN id = OLD.thread_id THEN (OLD.state = 'published')::int ELSE 0 END)
        + (CASE WHEN id = NEW.thread_id THEN (NEW.state = 'published')::int ELSE 0 END)
    WHERE id IN (OLD.thread_id, NEW.thread_id);
  END IF;
  RETURN NULL;
END $$;

-- only columns a reader's page shows (or that place a comment in it); reports, scores, moderation notes do not bump
CREATE TRIGGER comments_bump_thread AFTER INSERT OR DELETE OR UPDATE OF thread_id, parent_id, root_id, depth,
  author_name, client_hash, body_markdown, body_html, created_at, edited_at, score, upvotes, downvotes, state
  ON comments FOR EACH ROW EXECUTE FUNCTION parley_comment_bumps_thread();

CREATE FUNCTION parley_thread_bumps_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END $$;

CREATE TRIGGER threads_bump_version BEFORE UPDATE OF site_id, page_key, url, title, closed, created_at
  ON threads FOR EACH ROW EXECUTE FUNCTION parley_thread_bumps_version();

-- sort=top reads its first page from this index instead of sorting every top-level comment of the thread
CREATE INDEX comments_thread_score ON comments (thread_id, parent_id, score DESC, created_at, id);
-- "has this reader voted in this thread?" decides whether the shared cached page may answer them
CREATE INDEX votes_voter ON votes (voter_hash, comment_id);
