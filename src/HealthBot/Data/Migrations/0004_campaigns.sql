-- Outreach campaigns. Contacts gain groups (subscribed topics) and named fields (custom values and dates)
-- in their own tables, so the contacts table keeps its columns.
CREATE TABLE contact_groups (
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    group_name  TEXT NOT NULL,
    joined_at   TEXT NOT NULL,
    PRIMARY KEY (contact_id, group_name)
) WITHOUT ROWID;
CREATE INDEX ix_contact_groups_group ON contact_groups (group_name, contact_id);

-- Dates are stored as yyyy-MM-dd, so the (name, value) index serves date ranges too.
CREATE TABLE contact_fields (
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (contact_id, name)
) WITHOUT ROWID;
CREATE INDEX ix_contact_fields_value ON contact_fields (name, value, contact_id);

CREATE TABLE campaigns (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    state       TEXT NOT NULL CHECK (state IN ('active', 'paused', 'cancelled')),
    definition  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- One row per planned run (a once or recurring occurrence, or a planning window of a relative schedule). A planner
-- beats heartbeat_at with every page it writes; a run left 'planning' with an old heartbeat was orphaned by a crash.
CREATE TABLE campaign_runs (
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    run_key      TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('planning', 'planned')),
    targeted     INTEGER NOT NULL DEFAULT 0,
    started_at   TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    finished_at  TEXT,
    PRIMARY KEY (campaign_id, run_key)
) WITHOUT ROWID;

-- One row per (campaign, message, contact): the unique key is what makes a send happen at most once, whatever
-- runs the planner twice. message_id is null for sends skipped before a message was written.
CREATE TABLE campaign_sends (
    id           INTEGER PRIMARY KEY,
    campaign_id  INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    message_key  TEXT NOT NULL,
    contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    message_id   INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    state        TEXT NOT NULL CHECK (state IN ('queued', 'started', 'skipped')),
    reason       TEXT,
    due_at       TEXT NOT NULL,
    started_at   TEXT,
    created_at   TEXT NOT NULL,
    UNIQUE (campaign_id, message_key, contact_id)
);
CREATE INDEX ix_campaign_sends_message ON campaign_sends (message_id);
CREATE INDEX ix_campaign_sends_contact_started ON campaign_sends (contact_id, started_at);
