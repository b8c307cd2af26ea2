-- The export's keyset pages (F39) and the retention purge's batches (F30) both read an account's
-- messages in the order (created_at, message_id). With the message id in the index, a page is one
-- index range scan that stops at its LIMIT, whatever the account's size: no sort of the rows after
-- the cursor. It replaces the index on (account_id, created_at), a prefix of it, so that a write
-- still maintains one index for creation time. Building it locks the table against writes for the
-- duration on PostgreSQL; on a large table, create it CONCURRENTLY by hand first (same name) and
-- this migration only drops the old index.
CREATE INDEX IF NOT EXISTS messages_created_id_ix ON messages (account_id, created_at, message_id);
DROP INDEX IF EXISTS messages_created_ix;
