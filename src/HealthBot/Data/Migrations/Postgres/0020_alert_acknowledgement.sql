-- A responder acknowledges an urgent alert with a note ("called her, she is on her way to the clinic"): the alert
-- stays open until the conversation is handed back, but the inbox shows who saw it, when, and what they did.
ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT;
ALTER TABLE alerts ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN acknowledgement_note TEXT;
