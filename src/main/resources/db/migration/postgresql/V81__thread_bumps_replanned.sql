-- V80's update trigger joins the statement's rows before and after. PL/pgSQL plans a query once per connection and
-- keeps the plan: a connection whose first update touched one comment kept a nested loop over the two transition
-- tables, and a later update of 300,000 rows (an import's tree repair, a large thread moved) compared every row
-- with every other for hours. EXECUTE plans the query anew each time, for the rows at hand (a hash join when many).
CREATE OR REPLACE FUNCTION parley_comments_updated_bump_threads() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $sql$
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
  WHERE t.id = d.thread_id
  $sql$;
  RETURN NULL;
END $$;
