-- A provider's message id is only unique within that provider: an Africa's Talking id may equal a Twilio MessageSid
-- another person's message had. An inbound message is a duplicate only of one with the same id from the same provider.
-- Rows from before 0021 (provider NULL) count as one provider of their own, "" here.
DROP INDEX IF EXISTS ux_messages_inbound_provider;
CREATE UNIQUE INDEX ux_messages_inbound_provider_id ON messages (COALESCE(provider, ''), provider_id)
    WHERE direction = 'in' AND provider_id IS NOT NULL;
-- A status that arrives before its send is recorded is kept with the provider that reported it, so that only a
-- message of that provider takes it (NULL: from before this change, any).
ALTER TABLE early_status ADD COLUMN provider TEXT;
