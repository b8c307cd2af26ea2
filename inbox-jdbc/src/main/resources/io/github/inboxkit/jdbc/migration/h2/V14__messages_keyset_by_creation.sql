-- The export's keyset pages (F39) and the retention purge's batches (F30) both read an account's
-- messages in the order (created_at, message_id). With the message id in the index, H2 reads a
-- page in index order and stops at its LIMIT instead of sorting every row after the cursor. It
-- replaces the index on (account_id, created_at), a prefix of it.
CREATE INDEX IF NOT EXISTS messages_created_id_ix ON messages (account_id, created_at, message_id);
DROP INDEX IF EXISTS messages_created_ix;
