-- Nodes sending from this outbox, by heartbeat: the per-channel rate limits are for the whole deployment, so each of
-- the nodes alive (a heartbeat in the last 30 seconds) sends at its share.
CREATE TABLE outbox_nodes (
    node          TEXT PRIMARY KEY,
    heartbeat_at  TIMESTAMPTZ NOT NULL
);
