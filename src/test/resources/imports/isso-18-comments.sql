-- An Isso comments.db, as Isso 0.13 (schema version 5) writes it. How it was made: the CREATE statements are copied
-- verbatim from isso-comments/isso (isso/db/threads.py, isso/db/comments.py Comments.create_table_query,
-- isso/db/preferences.py, the trigger in isso/db/__init__.py; PRAGMA user_version = SQLite3.MAX_VERSION); the rows
-- are written by hand the way Isso's Comments.add/delete/vote leave them: created/modified are Unix seconds as
-- floats, remote_addr is the anonymized address Isso keeps, voters is the 256-byte Bloom filter, mode 1 accepted,
-- 2 pending, 4 deleted-with-replies (text blanked, author and website set to NULL). The tests run this script with
-- SQLite (sqlite-jdbc) into a fresh file: IssoFixture.database. By hand: sqlite3 comments.db < isso-18-comments.sql
CREATE TABLE IF NOT EXISTS preferences (    key VARCHAR PRIMARY KEY, value VARCHAR );
CREATE TABLE IF NOT EXISTS threads (     id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE IF NOT EXISTS comments (
                tid REFERENCES threads(id),
                id INTEGER PRIMARY KEY,
                parent INTEGER,
                created FLOAT NOT NULL,
                modified FLOAT,
                mode INTEGER,
                remote_addr VARCHAR,
                text VARCHAR NOT NULL,
                author VARCHAR,
                email VARCHAR,
                website VARCHAR,
                likes INTEGER DEFAULT 0,
                dislikes INTEGER DEFAULT 0,
                voters BLOB NOT NULL,
                notification INTEGER DEFAULT 0
            );
CREATE TABLE IF NOT EXISTS guard (    key VARCHAR PRIMARY KEY, value VARCHAR );
PRAGMA user_version = 5;
CREATE TRIGGER IF NOT EXISTS remove_stale_threads AFTER DELETE ON comments BEGIN     DELETE FROM threads WHERE id NOT IN (SELECT tid FROM comments); END;
INSERT INTO preferences (key, value) VALUES ('session-key', '5d0d3b5bbf2a7e4c0c7b8f1d9e3a6b2c4f8e1a7d9c3b5e2f');
INSERT INTO threads (uri, title) VALUES ('/2019/03/trams/', 'Trams return to the high street');
INSERT INTO threads (uri, title) VALUES ('/about/', NULL);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (1, NULL, 1551520800.123456, 1551521000.5, 1, '192.168.0.0',
    'First! The **new line** is [faster](https://example.org/trams).', 'Ana', 'ana@example.org', 'https://ana.example', zeroblob(256), 1);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (1, 1, 1551524400.0, NULL, 1, '10.0.0.0',
    'Raw HTML stays text: <script>alert(1)</script> <b onclick=alert(1)>bold?</b>', NULL, NULL, NULL, zeroblob(256), 0);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (1, 1, 1551528000.25, NULL, 2, '10.0.0.0', 'Waiting for a moderator.', 'Bob', 'bob@example.org', NULL, zeroblob(256), 0);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (1, NULL, 1551600000.0, NULL, 4, '10.1.0.0', '', NULL, 'gone@example.org', NULL, zeroblob(256), 0);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (1, 4, 1551603600.0, NULL, 1, '10.2.0.0', 'Replying to a comment that was deleted since.', 'Chen Wei', 'chen@example.org', NULL, zeroblob(256), 0);
INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, voters, notification)
  VALUES (2, NULL, 1554000000.5, NULL, 1, '10.3.0.0', 'Über café naïve 東京 — *unicode* kept.', 'Émile', NULL, NULL, zeroblob(256), 0);
UPDATE comments SET likes = 3, dislikes = 1 WHERE id = 1;
UPDATE comments SET likes = 2 WHERE id = 5;
