-- Thread reads are served from a cache that is valid while its thread's version is unchanged, and a thread's published
-- count is read on every thread read and count request. Triggers keep both in the same transaction as the write,
-- whichever path writes (API, moderators, imports, GDPR erase, repairs), so no code path can forget to invalidate and
-- every Parley instance sharing the database sees the new version on its next read.
ALTER TABLE threads ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE threads ADD COLUMN published_count INTEGER NOT NULL DEFAULT 0;
UPDATE threads SET published_count =
  (SELECT COUNT(*) FROM comments c WHERE c.thread_id = threads.id AND c.state = 'published');

CREATE TRIGGER comments_insert_bumps_thread AFTER INSERT ON comments BEGIN
  UPDATE threads SET version = version + 1, published_count = published_count + (NEW.state = 'published')
  WHERE id = NEW.thread_id;
END;

-- only columns a reader's page shows (or that place a comment in it); reports, scores, moderation notes do not bump
CREATE TRIGGER comments_update_bumps_thread AFTER UPDATE OF thread_id, parent_id, root_id, depth, author_name,
  client_hash, body_markdown, body_html, created_at, edited_at, score, upvotes, downvotes, state ON comments BEGIN
  UPDATE threads SET version = version + 1,
    published_count = published_count
      - (CASE WHEN id = OLD.thread_id THEN OLD.state = 'published' ELSE 0 END)
      + (CASE WHEN id = NEW.thread_id THEN NEW.state = 'published' ELSE 0 END)
  WHERE id IN (OLD.thread_id, NEW.thread_id);
END;

CREATE TRIGGER comments_delete_bumps_thread AFTER DELETE ON comments BEGIN
  UPDATE threads SET version = version + 1, published_count = published_count - (OLD.state = 'published')
  WHERE id = OLD.thread_id;
END;

CREATE TRIGGER threads_update_bumps_version AFTER UPDATE OF site_id, page_key, url, title, closed, created_at
  ON threads BEGIN
  UPDATE threads SET version = version + 1 WHERE id = NEW.id;
END;

-- sort=top reads its first page from this index instead of sorting every top-level comment of the thread
CREATE INDEX comments_thread_score ON comments (thread_id, parent_id, score DESC, created_at, id);
-- "has this reader voted in this thread?" decides whether the shared cached page may answer them
CREATE INDEX votes_voter ON votes (voter_hash, comment_id);
