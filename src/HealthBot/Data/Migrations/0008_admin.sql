-- Staff workspace: accounts, the audit trail, the content workflow (draft -> review -> published) and handoffs.
CREATE TABLE staff_users (
    id              INTEGER PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'responder', 'viewer')),
    password_hash   TEXT NOT NULL,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT NOT NULL
);

-- Who did what, when. Never personal data of contacts: ids only; content diffs are staff-written text.
CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    detail  TEXT
);
CREATE INDEX ix_audit_at ON audit_log (at);

-- Edits made in the workspace. A published edit is also written to content_versions (with its reviewer), and the
-- catalog serves it over the file's version when it is newer.
CREATE TABLE content_edits (
    id              INTEGER PRIMARY KEY,
    content_id      TEXT NOT NULL,
    language        TEXT NOT NULL,
    version         INTEGER NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('draft', 'review', 'published', 'rejected')),
    title           TEXT NOT NULL,
    sms             TEXT NOT NULL,
    web             TEXT NOT NULL,
    author          TEXT NOT NULL,
    reviewer        TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    published_at    TEXT
);
CREATE INDEX ix_content_edits_item ON content_edits (content_id, language, id);

-- A contact a responder is handling: the bot stays silent (except triage) while open or until silent_until.
CREATE TABLE handoffs (
    contact_id      INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    responder       TEXT NOT NULL,
    open            INTEGER NOT NULL CHECK (open IN (0, 1)),
    silent_until    TEXT,
    updated_at      TEXT NOT NULL
);
