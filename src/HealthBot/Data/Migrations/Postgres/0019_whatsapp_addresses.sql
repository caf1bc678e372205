-- WhatsApp addresses are stored without Twilio's "whatsapp:" scheme (Channels/ContactAddress.cs), so a person reached
-- later through another WhatsApp provider is the same contact. Addresses are encrypted and found by a keyed hash, so
-- SQL cannot rewrite them: this marks the rewrite, which Channels/ContactAddressUpgrade.cs does once the data keys are
-- verified at start, removing the mark in the same transaction.
CREATE TABLE pending_upgrades (name TEXT PRIMARY KEY);
INSERT INTO pending_upgrades (name) VALUES ('contact-addresses');
