-- The same key as the PostgreSQL dialect's V4: carrier ids are unique among an account's inbound
-- messages only (ingestion's idempotency, invariant 4); an outbound message is found through its
-- outbox entry. H2 has no heap-only updates to gain, but keeps the same rule.
ALTER TABLE messages ADD COLUMN inbound_carrier_message_id VARCHAR(200)
    GENERATED ALWAYS AS (CASE WHEN direction = 'INBOUND' THEN carrier_message_id END);
ALTER TABLE messages DROP CONSTRAINT messages_carrier_uk;
ALTER TABLE messages ADD CONSTRAINT messages_inbound_carrier_uk UNIQUE (account_id, inbound_carrier_message_id);
