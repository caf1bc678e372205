-- A row in doubt through a provider that cannot be asked whether it has a message (Africa's Talking, Meta, Kannel,
-- Telegram) is sent again once per in-doubt episode (Outbox/InDoubtSends.cs). Which episode it was sent again in was
-- kept in memory only, so a process killed during that resend sent it once more after the restart. This keeps it:
-- the row's in_doubt_since when the resend began. NULL: not sent again in doubt.
ALTER TABLE outbox ADD COLUMN resent_in_doubt TIMESTAMPTZ;
