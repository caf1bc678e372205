-- Whether an alert's on-call SMS went out: 'sent', 'held' (past the per-window budget, waiting for the summary SMS),
-- 'summarized' (counted in a summary SMS) or 'none' (no on-call numbers). Every alert is in the inbox either way.
ALTER TABLE alerts ADD COLUMN sms TEXT NOT NULL DEFAULT 'none';
CREATE INDEX ix_alerts_sms ON alerts (sms, created_at);
