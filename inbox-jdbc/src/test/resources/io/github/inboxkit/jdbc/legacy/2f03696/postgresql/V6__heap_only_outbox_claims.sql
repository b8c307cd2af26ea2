-- A dispatcher writes each outbox entry twice: its claim (SENDING, one more attempt, a lease) and
-- its result. Three indexes held the status, so a claim wrote a new entry into every index of the
-- row, six in all. They now hold no column a claim writes (status, attempts, lease_until,
-- updated_at), and PostgreSQL makes a claim a heap-only (HOT) update when the page has room, which
-- the fill factor keeps for the rows written after this. A claim costs about a third less; with
-- fewer indexes, so does recording a result.
--
-- What the three served:
-- * scheduled entries, by account or by thread, earliest first: two partial indexes over the
--   pending entries that were scheduled (a SCHEDULED entry always has its time, and stays pending);
--   the queries filter the status on those few rows;
-- * a broadcast's counts by status: by broadcast id, the status read from the rows.
-- The H2 dialect keeps V2's indexes: it has no heap-only updates to gain.
DROP INDEX outbox_entries_status_ix;
DROP INDEX outbox_entries_conversation_ix;
DROP INDEX outbox_entries_broadcast_ix;
CREATE INDEX outbox_entries_scheduled_ix ON outbox_entries (account_id, due_at, message_id)
    WHERE pending AND scheduled_at IS NOT NULL;
CREATE INDEX outbox_entries_conversation_scheduled_ix ON outbox_entries (account_id, conversation_id, due_at)
    WHERE pending AND scheduled_at IS NOT NULL;
CREATE INDEX outbox_entries_broadcast_ix ON outbox_entries (account_id, broadcast_id);
ALTER TABLE outbox_entries SET (fillfactor = 80);
