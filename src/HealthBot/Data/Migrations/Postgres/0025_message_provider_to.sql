-- The address a person wrote to, as the provider that carried the message gave it: the Africa's Talking short code
-- or number of an inbound SMS (the callback's "to"). An account may have several short codes; the reply goes from
-- the one the person wrote to (Channels/README.md, "Which provider answers"). Our own code, not personal data, so
-- stored as it is. NULL for other providers and for messages from before.
ALTER TABLE messages ADD COLUMN provider_to TEXT;
