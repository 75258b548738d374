-- A thread's version and published count were bumped by a row trigger on every comment written: a bulk import of a
-- million comments updated its threads' rows a million times, and its tree repair (replies stored before their
-- parent, moved under it afterwards) as many times again, most of the import's time on PostgreSQL. Inserts and
-- updates now bump each thread once per statement, from the statement's rows (transition tables): the same for one
-- comment, one update per thread per 500-row batch of an import. An update bumps only where a column a reader's page
-- shows (or that places a comment in it) really changed: PostgreSQL allows no transition table on a trigger limited
-- to columns, so the trigger compares the rows before and after. Deletes keep the row trigger (they come one at a time).
DROP TRIGGER comments_bump_thread ON comments;

CREATE TRIGGER comments_bump_thread AFTER DELETE ON comments
  FOR EACH ROW EXECUTE FUNCTION parley_comment_bumps_thread();

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

CREATE FUNCTION parley_comments_updated_bump_threads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE threads t SET version = t.version + 1, published_count = t.published_count + d.delta
  FROM (SELECT side.thread_id, SUM(side.delta) AS delta
        FROM comments_before o JOIN comments_after n ON n.id = o.id,
          LATERAL (VALUES (o.thread_id, -(o.state = 'published')::int), (n.thread_id, (n.state = 'published')::int))
            AS side(thread_id, delta)
        WHERE (o.thread_id, o.parent_id, o.root_id, o.depth, o.author_name, o.client_hash, o.body_markdown,
            o.body_html, o.created_at, o.edited_at, o.score, o.upvotes, o.downvotes, o.state)
          IS DISTINCT FROM (n.thread_id, n.parent_id, n.root_id, n.depth, n.author_name, n.client_hash,
            n.body_markdown, n.body_html, n.created_at, n.edited_at, n.score, n.upvotes, n.downvotes, n.state)
        GROUP BY side.thread_id) d
  WHERE t.id = d.thread_id;
  RETURN NULL;
END $$;

CREATE TRIGGER comments_updated_bump_threads AFTER UPDATE ON comments
  REFERENCING OLD TABLE AS comments_before NEW TABLE AS comments_after
  FOR EACH STATEMENT EXECUTE FUNCTION parley_comments_updated_bump_threads();
