-- Moderation: site policies, accounts and roles, sessions, SSO secrets, bans, reports, audit log.
-- Times are epoch milliseconds (UTC). Flags are INTEGER 0/1 in both dialects so one SQL text serves both.
CREATE TABLE site_policies (
  site_id     TEXT PRIMARY KEY REFERENCES sites(id),
  policy      TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE accounts (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  email          TEXT,
  display_name   TEXT NOT NULL,
  password_hash  TEXT,
  sso_site       TEXT REFERENCES sites(id),
  sso_subject    TEXT,
  created_at     INTEGER NOT NULL
);
CREATE UNIQUE INDEX accounts_email ON accounts (email) WHERE sso_site IS NULL;
CREATE UNIQUE INDEX accounts_sso ON accounts (sso_site, sso_subject) WHERE sso_site IS NOT NULL;

CREATE TABLE site_roles (
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  site_id     TEXT NOT NULL REFERENCES sites(id),
  role        TEXT NOT NULL CHECK (role IN ('admin', 'moderator')),
  PRIMARY KEY (account_id, site_id)
);

CREATE TABLE sessions (
  token_hash  TEXT PRIMARY KEY,
  account_id  INTEGER NOT NULL REFERENCES accounts(id),
  csrf_token  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
);

CREATE TABLE site_secrets (
  site_id     TEXT PRIMARY KEY REFERENCES sites(id),
  sso_secret  TEXT NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE bans (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id     TEXT NOT NULL REFERENCES sites(id),
  author_key  TEXT NOT NULL,
  author_name TEXT,
  reason      TEXT,
  created_by  INTEGER REFERENCES accounts(id),
  created_at  INTEGER NOT NULL,
  UNIQUE (site_id, author_key)
);

CREATE TABLE reports (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id    INTEGER NOT NULL REFERENCES comments(id),
  reporter_key  TEXT NOT NULL,
  reason        TEXT NOT NULL CHECK (reason IN ('abuse', 'spam', 'off-topic', 'misinformation', 'other')),
  note          TEXT,
  created_at    INTEGER NOT NULL,
  UNIQUE (comment_id, reporter_key)
);

CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id       TEXT NOT NULL REFERENCES sites(id),
  actor_id      INTEGER REFERENCES accounts(id),
  actor_name    TEXT NOT NULL,
  action        TEXT NOT NULL,
  comment_id    INTEGER REFERENCES comments(id),
  before_state  TEXT,
  after_state   TEXT,
  detail        TEXT,
  undone        INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
CREATE INDEX audit_site ON audit_log (site_id, id);

ALTER TABLE comments ADD COLUMN author_account_id INTEGER REFERENCES accounts(id);
ALTER TABLE comments ADD COLUMN ip_hash TEXT;
ALTER TABLE comments ADD COLUMN featured INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN report_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN report_open INTEGER NOT NULL DEFAULT 0;
CREATE INDEX comments_author_account ON comments (author_account_id, created_at);
CREATE INDEX comments_client ON comments (client_hash, created_at);
