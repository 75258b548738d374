-- A re-import asks, per comment, whether a moderator has acted on it in Parley (then it keeps the moderator's state).
CREATE INDEX audit_comment ON audit_log (comment_id) WHERE comment_id IS NOT NULL;
