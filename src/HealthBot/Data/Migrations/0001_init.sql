-- Contacts: one row per (channel, address). Address is E.164 for SMS, whatsapp:+E.164 for WhatsApp,
-- an opaque id for web chat and the terminal.
CREATE TABLE contacts (
    id          INTEGER PRIMARY KEY,
    channel     TEXT NOT NULL,
    address     TEXT NOT NULL,
    language    TEXT,
    consent     TEXT NOT NULL DEFAULT 'implicit' CHECK (consent IN ('implicit', 'opted_in', 'opted_out')),
    time_zone   TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (channel, address)
);

CREATE TABLE consent_events (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    consent     TEXT NOT NULL,
    channel     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL
);

CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    contact_id      INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    channel         TEXT NOT NULL,
    provider_id     TEXT,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    language        TEXT,
    kind            TEXT,
    content_id      TEXT,
    content_version INTEGER,
    reply_to        INTEGER REFERENCES messages(id),
    error_code      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
-- Twilio retries webhooks: the provider id of an inbound message is unique per channel family.
CREATE UNIQUE INDEX ux_messages_inbound_provider ON messages (provider_id) WHERE direction = 'in' AND provider_id IS NOT NULL;
CREATE INDEX ix_messages_outbound_provider ON messages (provider_id) WHERE direction = 'out' AND provider_id IS NOT NULL;
CREATE INDEX ix_messages_contact ON messages (contact_id, id);
CREATE INDEX ix_messages_pending_inbound ON messages (status) WHERE direction = 'in' AND status = 'received';

CREATE TABLE message_status_history (
    id          INTEGER PRIMARY KEY,
    message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    error_code  TEXT,
    at          TEXT NOT NULL
);
CREATE INDEX ix_status_history_message ON message_status_history (message_id);

-- The durable outbox: a row per outbound message, written in the same transaction as the message.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    idempotency_key  TEXT NOT NULL UNIQUE,
    channel          TEXT NOT NULL,
    priority         INTEGER NOT NULL DEFAULT 0,
    state            TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'done', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT NOT NULL,
    last_error       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX ix_outbox_due ON outbox (state, priority DESC, next_attempt_at);

-- Status callbacks that arrive before the send call has returned the provider id (a race Twilio allows);
-- applied as soon as the id is known.
CREATE TABLE early_status (
    id           INTEGER PRIMARY KEY,
    provider_id  TEXT NOT NULL,
    status       TEXT NOT NULL,
    error_code   TEXT,
    at           TEXT NOT NULL
);
CREATE INDEX ix_early_status_provider ON early_status (provider_id);
