-- Imported comments have no account, browser or IP: the dashboard finds an author's history by email or name.
CREATE INDEX comments_author_email ON comments (LOWER(author_email));
CREATE INDEX comments_author_name ON comments (author_name);
