-- Erasure (F40): what survives the erasure of a number, and nothing else of it.
-- erasure_keys: one random 256-bit key per account (64 hex digits), made at its first erasure and
-- never changed: number_hash below is HMAC-SHA-256 of the number in E.164 form with this key, so the
-- same number hashes alike within an account and unrelated across accounts. The key sits beside the
-- hashes: whoever reads the database can test candidate numbers, so a hash is a pseudonym, not
-- anonymous data.
CREATE TABLE erasure_keys (
    account_id            varchar(64)  NOT NULL,
    hash_key              varchar(64)  NOT NULL,
    created_at            timestamptz  NOT NULL,
    CONSTRAINT erasure_keys_pk PRIMARY KEY (account_id)
);

-- The proof of each erasure: when, by whom ('user:<id>' or 'text:<description>'), the number's hash
-- and what was deleted. completed_at is null while an interrupted erasure waits for its repeat.
CREATE TABLE erasure_records (
    account_id            varchar(64)  NOT NULL,
    erasure_id            uuid         NOT NULL,
    number_hash           varchar(64)  NOT NULL,
    requested_by          text         NOT NULL,
    requested_at          timestamptz  NOT NULL,
    completed_at          timestamptz,
    messages              bigint       NOT NULL,
    conversations         bigint       NOT NULL,
    assignment_changes    bigint       NOT NULL,
    outbox_entries        bigint       NOT NULL,
    in_flight_sends       bigint       NOT NULL,
    contacts              bigint       NOT NULL,
    opt_out_records       bigint       NOT NULL,
    broadcast_recipients  bigint       NOT NULL,
    broadcast_skips       bigint       NOT NULL,
    idempotency_keys      bigint       NOT NULL,
    delivery_reports      bigint       NOT NULL,
    batches               bigint       NOT NULL,
    CONSTRAINT erasure_records_pk PRIMARY KEY (account_id, erasure_id)
);
CREATE INDEX erasure_records_hash_ix ON erasure_records (account_id, number_hash, requested_at);

-- An erased number whose latest subscription state was opted out: its opt-out records are replaced
-- by this row, which the opt-out rule honours for a number without records, so that an erased STOP
-- is never texted again; a later opt-in of the number deletes it.
CREATE TABLE erased_opt_outs (
    account_id            varchar(64)  NOT NULL,
    number_hash           varchar(64)  NOT NULL,
    since                 timestamptz  NOT NULL,
    CONSTRAINT erased_opt_outs_pk PRIMARY KEY (account_id, number_hash)
);
