-- Databases created before PostgreSQL had its own migrations were made from the SQLite files by translation: every
-- time is ISO 8601 text and e-mail uniqueness is case-sensitive. This converts them to what the files here create;
-- on a database created by these files every column is already timestamptz and nothing is rewritten.
DO $$
DECLARE
    tbl RECORD;
    duplicates BIGINT;
BEGIN
    -- One ALTER TABLE per table, so each table is rewritten once whatever its number of time columns.
    FOR tbl IN
        SELECT c.table_name::text AS name, string_agg(format('ALTER COLUMN %I TYPE timestamptz USING %I::timestamptz',
            c.column_name, c.column_name), ', ') AS changes
        FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.data_type = 'text'
            AND (c.table_name::text, c.column_name::text) IN (
            ('contacts', 'created_at'), ('contacts', 'updated_at'), ('contacts', 'forget_requested_at'),
            ('contacts', 'erased_at'), ('consent_events', 'at'), ('messages', 'created_at'),
            ('messages', 'updated_at'), ('messages', 'erased_at'), ('message_status_history', 'at'),
            ('outbox', 'next_attempt_at'), ('outbox', 'created_at'), ('outbox', 'updated_at'),
            ('outbox', 'in_doubt_since'), ('outbox', 'resent_in_doubt'), ('early_status', 'at'),
            ('content_versions', 'imported_at'), ('alerts', 'created_at'), ('alerts', 'updated_at'),
            ('alerts', 'acknowledged_at'), ('contact_groups', 'joined_at'), ('campaigns', 'created_at'),
            ('campaigns', 'updated_at'), ('campaign_runs', 'started_at'), ('campaign_runs', 'heartbeat_at'),
            ('campaign_runs', 'finished_at'), ('campaign_sends', 'due_at'), ('campaign_sends', 'started_at'),
            ('campaign_sends', 'created_at'), ('staff_users', 'locked_until'), ('staff_users', 'created_at'),
            ('audit_log', 'at'), ('content_edits', 'created_at'), ('content_edits', 'updated_at'),
            ('content_edits', 'published_at'), ('handoffs', 'silent_until'), ('handoffs', 'updated_at'),
            ('answer_feedback', 'prompted_at'), ('answer_feedback', 'answered_at'), ('outbox_nodes', 'heartbeat_at'),
            ('key_checks', 'updated_at'), ('login_failures', 'updated_at'), ('conversation_state', 'urgent_at'),
            ('conversation_state', 'updated_at'), ('clock_events', 'at'), ('clock_events', 'expected_at'),
            ('clock_heartbeats', 'seen_at'))
        GROUP BY c.table_name
    LOOP
        -- The text was written as UTC with a Z (DbExtensions.ToDb), so the cast keeps the instant; PostgreSQL keeps
        -- microseconds, the text had ten-millionths: the seventh digit is rounded away.
        EXECUTE format('ALTER TABLE %I %s', tbl.name, tbl.changes);
    END LOOP;

    -- Accounts whose addresses differ only by case were allowed here (not on SQLite). Which of them is the person's
    -- real account is for an administrator to decide, so the upgrade stops, changing nothing, rather than pick one.
    SELECT COUNT(*) INTO duplicates FROM (
        SELECT 1 FROM staff_users GROUP BY lower(email) HAVING COUNT(*) > 1) d;
    IF duplicates > 0 THEN
        RAISE EXCEPTION USING MESSAGE = format(
            '%s staff e-mail address(es) belong to more than one account, differing only in upper/lower case. '
            'E-mail addresses must now be unique whatever their case. With the previous HealthBot version, remove '
            'or rename the extra accounts (to list them: SELECT email FROM staff_users WHERE lower(email) IN '
            '(SELECT lower(email) FROM staff_users GROUP BY 1 HAVING COUNT(*) > 1)), then start this version again',
            duplicates);
    END IF;

    ALTER TABLE staff_users DROP CONSTRAINT IF EXISTS staff_users_email_key;
    CREATE UNIQUE INDEX IF NOT EXISTS ux_staff_users_email ON staff_users (lower(email));
END
$$;
