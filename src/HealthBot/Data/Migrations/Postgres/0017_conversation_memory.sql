-- A conversation's short memory (issue #12): the last topic answered, the last emergency and the language, so a
-- follow-up ("and for pregnant women?") is answered within it, on any node and after a restart. Topic ids and rule
-- names only, never message text. Read only while updated_at is within Dialog:ConversationMemory.
CREATE TABLE conversation_state (
    contact_id    BIGINT PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
    language      TEXT,
    topic         TEXT,
    urgent_rule   TEXT,
    urgent_topic  TEXT,
    urgent_at     TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);

-- A follow-up to an emergency is attached to the contact's open alert instead of raising a new one: staff see how
-- many messages followed and when the last one came.
ALTER TABLE alerts ADD COLUMN follow_ups BIGINT NOT NULL DEFAULT 0;
ALTER TABLE alerts ADD COLUMN last_message_id BIGINT REFERENCES messages(id) ON DELETE SET NULL;
ALTER TABLE alerts ADD COLUMN updated_at TIMESTAMPTZ;
