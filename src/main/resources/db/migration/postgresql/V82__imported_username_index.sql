-- An imported author known by a username alone (the export gave no email) has a user page that finds their comments
-- by author_username, and the users list reads those names: without an index both read every comment. Only such
-- rows are indexed; live comments have no author_username.
CREATE INDEX comments_author_username ON comments (author_username) WHERE author_email IS NULL AND author_username IS NOT NULL;
