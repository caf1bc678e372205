-- The node sending an outbox row: at start a node takes back only its own rows; another node's wait for their lease
-- (updated_at + Storage:SendingLease) to run out, so two nodes never send the same row at once.
ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
CREATE INDEX ix_outbox_sending ON outbox (state, updated_at) WHERE state = 'sending';
