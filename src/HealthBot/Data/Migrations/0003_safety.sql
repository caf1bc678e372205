-- Urgent alerts for staff: one row per emergency detected (deduplicated per contact within a window).
CREATE TABLE alerts (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    message_id  INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    rule        TEXT NOT NULL,
    topic       TEXT,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    created_at  TEXT NOT NULL
);
CREATE INDEX ix_alerts_contact ON alerts (contact_id, created_at);
CREATE INDEX ix_alerts_open ON alerts (status, created_at);
CREATE INDEX ix_messages_contact_out ON messages (contact_id, direction, created_at);
