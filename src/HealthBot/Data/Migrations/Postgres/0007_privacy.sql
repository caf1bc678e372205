-- Personal data at rest: addresses and bodies are stored encrypted; contacts are found by a keyed hash.
ALTER TABLE contacts ADD COLUMN address_hash TEXT;
ALTER TABLE contacts ADD COLUMN forget_requested_at TIMESTAMPTZ;
ALTER TABLE contacts ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE messages ADD COLUMN erased_at TIMESTAMPTZ;
CREATE UNIQUE INDEX ux_contacts_address_hash ON contacts (channel, address_hash);
CREATE INDEX ix_messages_retention ON messages (created_at) WHERE erased_at IS NULL;
CREATE INDEX ix_contacts_forget ON contacts (forget_requested_at)
    WHERE forget_requested_at IS NOT NULL AND erased_at IS NULL;
