-- Handed-off conversations in the inbox: where the handoff began (messages after it that no one answered are listed
-- before hand-back) and the newest message a responder has seen (later inbound messages are unread).
ALTER TABLE handoffs ADD COLUMN since_message_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE handoffs ADD COLUMN seen_message_id BIGINT NOT NULL DEFAULT 0;
