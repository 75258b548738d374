-- Q&A mode (issue 16): on such an article readers ask and the newsroom's staff answer; the widget highlights the
-- answers. An article's own switch, and a site default that every article inherits.
ALTER TABLE threads ADD COLUMN qa BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE article_defaults ADD COLUMN qa BOOLEAN NOT NULL DEFAULT FALSE;
