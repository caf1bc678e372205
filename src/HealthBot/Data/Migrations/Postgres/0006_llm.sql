-- Provenance of answers when the optional local model is configured: model_used = 1 for a model answer that passed
-- the groundedness check, 0 for the curated text, with the reason (model-off, timeout, check-number, ...).
-- NULL for replies that are not answers (help, greeting, referral...).
ALTER TABLE messages ADD COLUMN model_used BIGINT;
ALTER TABLE messages ADD COLUMN fallback_reason TEXT;
