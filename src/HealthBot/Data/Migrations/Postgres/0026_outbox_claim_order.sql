-- The dispatcher claims due rows in (priority DESC, next_attempt_at, id) order. Without id in the index every claim
-- sorted all the rows sharing a priority and due time, and a planned campaign's 100,000 messages share both: on
-- PostgreSQL each claim of 1,000 rows took 100-480 ms. With id the claim reads its batch in index order.
DROP INDEX IF EXISTS ix_outbox_due;
CREATE INDEX ix_outbox_due ON outbox (state, priority DESC, next_attempt_at, id);
