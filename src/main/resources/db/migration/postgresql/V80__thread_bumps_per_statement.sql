-- A thread's version and published count were bumped by a row trigger on every comment inserted: a bulk import of a
-- million comments updated its threads' rows a million times, a third of the import's time. Inserts now bump each
-- thread once per statement, from the statement's new rows (a transition table), which is the same in a transaction
-- of one comment and adds one per thread per 500-row batch of an import. Updates and deletes keep the row trigger:
-- PostgreSQL allows no transition table on a trigger limited to columns, and they come one or a few at a time.
DROP TRIGGER comments_bump_thread ON comments;

CREATE TRIGGER comments_bump_thread AFTER DELETE OR UPDATE OF thread_id, parent_id, root_id, depth,
  author_name, client_hash, body_markdown, body_html, created_at, edited_at, score, upvotes, downvotes, state
  ON comments FOR EACH ROW EXECUTE FUNCTION parley_comment_bumps_thread();

CREATE FUNCTION parley_comments_inserted_bump_threads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads t SET version = t.version + 1, published_count = t.published_count + n.published
  FROM (SELECT thread_id, COUNT(*) FILTER (WHERE state = 'published') AS published
        FROM inserted_comments GROUP BY thread_id) n
  WHERE t.id = n.thread_id;
  RETURN NULL;
END $$;

CREATE TRIGGER comments_inserted_bump_threads AFTER INSERT ON comments REFERENCING NEW TABLE AS inserted_comments
  FOR EACH STATEMENT EXECUTE FUNCTION parley_comments_inserted_bump_threads();
