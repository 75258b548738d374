-- Imported comments have no account, browser or IP: the dashboard finds an author's history by email or name.
CREATE INDEX comments_author_email ON comments (LOWER(author_email)) WHERE author_email IS NOT NULL;
CREATE INDEX comments_author_name ON comments (author_name) WHERE author_email IS NULL;
