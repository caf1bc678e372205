-- Every published version of every content item, as imported from content/ (healthbot content import, and
-- automatically whenever the service loads content). A reply records content_id, content_version and language,
-- so the exact text it was built from can always be found here, even after the file has changed.
-- A version is never overwritten: changed text needs a new version number.
CREATE TABLE content_versions (
    id              TEXT NOT NULL,
    language        TEXT NOT NULL,
    version         BIGINT NOT NULL,
    status          TEXT NOT NULL,
    title           TEXT NOT NULL,
    sms             TEXT NOT NULL,
    web             TEXT NOT NULL,
    urgent          BIGINT NOT NULL CHECK (urgent IN (0, 1)),
    keywords        TEXT NOT NULL, -- JSON array of strings
    examples        TEXT NOT NULL, -- JSON array of strings
    sources         TEXT NOT NULL, -- JSON array of strings
    reviewed_by     TEXT,
    reviewed_on     TEXT,
    source_version  BIGINT,
    content_hash    TEXT NOT NULL, -- SHA-256 of title, sms, web and urgency: the text people receive
    file            TEXT NOT NULL,
    imported_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (id, language, version)
);
