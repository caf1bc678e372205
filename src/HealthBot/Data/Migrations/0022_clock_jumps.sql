-- The box's clock (#17). A jump of the wall clock seen while the service ran (against the monotonic clock), or a
-- clock gone back more than Clock:MaxJump since the service last ran, holds campaign messages on that node until
-- staff confirm the time is right ('confirm' events, audited). last_message_id: messages stored before a
-- confirmation no longer count as "newer than the clock" (a clock that was ahead stamped them in the future).
CREATE TABLE clock_events (
    id              INTEGER PRIMARY KEY,
    node            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('jump', 'confirm')),
    at              TEXT NOT NULL,
    expected_at     TEXT,
    actor           TEXT,
    last_message_id INTEGER
);
CREATE INDEX ix_clock_events_node ON clock_events (node, id);

-- The latest time each node's service saw, every Clock:HeartbeatInterval: a restart with the clock set back is
-- noticed even when no message was stored for days.
CREATE TABLE clock_heartbeats (
    node    TEXT PRIMARY KEY,
    seen_at TEXT NOT NULL
);
