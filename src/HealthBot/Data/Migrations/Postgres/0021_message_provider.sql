-- The provider that carried each message: for an inbound message the one whose webhook received it, for an outbound
-- one the one that took it (the outbox records it at send). Several providers may receive one channel (SMS through
-- Africa's Talking and Twilio), so the channel's sending provider says nothing about a message. Rows from before
-- are left NULL: the inbox shows them as "unknown" rather than a guess.
ALTER TABLE messages ADD COLUMN provider TEXT;
-- Africa's Talking's linkId of an inbound premium (on-demand short code) SMS: its reply must carry it, and only its
-- reply (linkIds expire), so it is kept with the message it came with.
ALTER TABLE messages ADD COLUMN provider_link_id TEXT;
