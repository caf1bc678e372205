-- A send "in doubt": set when a row is claimed for sending (before the provider is called) and kept while the outcome
-- is unknown (a timeout, a dropped connection, a process killed mid-send). Before such a row is sent again the
-- provider is asked whether it already has the message (Outbox/InDoubtSends.cs). NULL: nothing is in doubt.
ALTER TABLE outbox ADD COLUMN in_doubt_since TIMESTAMPTZ;
-- Rows an older version left in flight or retrying may have reached the provider: treat them as in doubt since they
-- were written (created_at is still text on a database from before 0029, which converts it).
UPDATE outbox SET in_doubt_since = created_at::timestamptz
WHERE state = 'sending' OR (state = 'pending' AND attempts > 0);
