-- Answer feedback: one row per answer that asked "Was this helpful?", written with the answer; helpful is filled in
-- (1 yes, 0 no) when the person replies within the window. The row names the answered message and the content item
-- and version it came from, so feedback stays attached to the text people actually read.
CREATE TABLE answer_feedback (
    id               INTEGER PRIMARY KEY,
    message_id       INTEGER NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
    contact_id       INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    content_id       TEXT NOT NULL,
    content_version  INTEGER,
    language         TEXT NOT NULL,
    prompted_at      TEXT NOT NULL,
    helpful          INTEGER CHECK (helpful IN (0, 1)),
    reply_id         INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    answered_at      TEXT
);
CREATE INDEX ix_answer_feedback_contact ON answer_feedback (contact_id, id);
CREATE INDEX ix_answer_feedback_answered ON answer_feedback (answered_at);

-- Why staff should look at an outbound reply (low_confidence, model_rejected): shown in the inbox. NULL for most replies.
ALTER TABLE messages ADD COLUMN flag_reason TEXT;
CREATE INDEX ix_messages_flag ON messages (created_at) WHERE flag_reason IS NOT NULL;
