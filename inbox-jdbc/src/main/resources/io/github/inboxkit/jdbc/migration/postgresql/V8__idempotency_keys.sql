-- Host idempotency keys (F46): one row per account and key, inserted in the transaction that queues
-- what the request queued (a message, or a broadcast). The primary key is what makes a key hold
-- across nodes: of two transactions inserting the same key, the second waits for the first and
-- fails on the key if it committed, and the engine then runs its use case again and finds the row.
-- request_hash is a SHA-256 of the request as given, so that a key reused for another request is
-- refused. A broadcast's row also counts its recipients done and queued, moved on in each batch's
-- transaction, so that a repeat finishes a broadcast whose creation stopped half-way.
CREATE TABLE idempotency_keys (
    account_id            varchar(64)  NOT NULL,
    idempotency_key       varchar(255) NOT NULL,   -- visible ASCII, compared exactly
    request_hash          varchar(64)  NOT NULL,
    message_id            uuid,
    broadcast_id          uuid,
    recipients_total      integer      NOT NULL,
    recipients_done       integer      NOT NULL,
    recipients_queued     integer      NOT NULL,
    created_at            timestamptz  NOT NULL,
    expires_at            timestamptz  NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (account_id, idempotency_key),
    CONSTRAINT idempotency_keys_result_ck CHECK ((message_id IS NULL) <> (broadcast_id IS NULL))
);
-- The retention purge deletes expired keys, earliest first, a bounded batch per transaction.
CREATE INDEX idempotency_keys_expiry_ix ON idempotency_keys (account_id, expires_at);

-- The retention purge now also deletes delivery reports that matched no message for a configurable
-- age, oldest first: V2's unmatched_delivery_reports_received_ix (account_id, received_at,
-- report_seq) already serves that, so no index is added for it.
