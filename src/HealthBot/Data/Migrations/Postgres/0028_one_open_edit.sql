-- One open edit (draft or review) per item and language. Two saves posted at the same moment from forms opened when
-- the item had no draft could both start one, and the workspace showed only the newest: the other person's text was
-- lost unseen. With this index the second insert finds the first and is refused as a conflict. Older duplicates
-- (never shown: the workspace reads the newest open edit) are closed as rejected first, so the index can be built.
UPDATE content_edits SET state = 'rejected'
WHERE state IN ('draft', 'review') AND id < (
    SELECT MAX(o.id) FROM content_edits o
    WHERE o.content_id = content_edits.content_id AND o.language = content_edits.language
        AND o.state IN ('draft', 'review'));
CREATE UNIQUE INDEX ux_content_edits_open ON content_edits (content_id, language) WHERE state IN ('draft', 'review');
