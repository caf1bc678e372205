-- Keywords and examples (one per line) are edited in the workspace with the same workflow as the answer texts. NULL
-- keeps the item's own (edits from before this change, and drafts that did not touch them). Triage rules of a language
-- are edits too: content_id 'triage', the whole triage.md text in web.
ALTER TABLE content_edits ADD COLUMN keywords TEXT;
ALTER TABLE content_edits ADD COLUMN examples TEXT;
