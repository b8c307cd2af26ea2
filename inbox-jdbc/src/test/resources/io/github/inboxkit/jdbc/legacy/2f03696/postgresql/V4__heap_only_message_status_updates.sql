-- Sending a message changes its status (and, once accepted, its carrier id) in place, two or three
-- times. Every message's carrier id was in a unique key, though only inbound ones are looked up by
-- it (ingestion's idempotency, invariant 4; an outbound message is found through its outbox entry):
-- so each outbound status change wrote a new entry into every index of the row, the trigram index
-- of its body included.
--
-- The key now holds inbound carrier ids only, through a generated column that outbound rows leave
-- NULL: an outbound status change touches no indexed value, and PostgreSQL makes it a heap-only
-- (HOT) update when the page has room, which the fill factor keeps for the rows written after this.
-- Adding a stored generated column rewrites the table once: on a large table, run this migration
-- in a quiet hour.
ALTER TABLE messages ADD COLUMN inbound_carrier_message_id varchar(200)
    GENERATED ALWAYS AS (CASE WHEN direction = 'INBOUND' THEN carrier_message_id END) STORED;
ALTER TABLE messages DROP CONSTRAINT messages_carrier_uk;
ALTER TABLE messages ADD CONSTRAINT messages_inbound_carrier_uk UNIQUE (account_id, inbound_carrier_message_id);
ALTER TABLE messages SET (fillfactor = 80);
