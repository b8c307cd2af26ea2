-- Contact blocking (F38). blocked_numbers: one row per blocked number of an account, with why and
-- by whom. The ingestion looks a sender up here by its key (on PostgreSQL inside the one-statement
-- ingestion, which then leaves the message to the general path).
CREATE TABLE blocked_numbers (
    account_id            varchar(64)  NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    reason                varchar(500) NOT NULL,
    blocked_by            varchar(64)  NOT NULL,
    blocked_at            timestamptz  NOT NULL,
    CONSTRAINT blocked_numbers_pk PRIMARY KEY (account_id, phone_e164)
);
-- Listing, most recent first.
CREATE INDEX blocked_numbers_recent_ix ON blocked_numbers (account_id, blocked_at);

-- The blocked log: one row per inbound message turned away from a blocked number, keyed by the
-- carrier's id so that a repeated delivery counts once. Neither text nor media is kept. The log's
-- count, first and last seen per number are read from it; the retention purge deletes rows older
-- than the account's window.
CREATE TABLE blocked_inbound (
    account_id            varchar(64)  NOT NULL,
    carrier_message_id    varchar(200) NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    received_at           timestamptz  NOT NULL,
    CONSTRAINT blocked_inbound_pk PRIMARY KEY (account_id, carrier_message_id)
);
-- The log per number.
CREATE INDEX blocked_inbound_phone_ix ON blocked_inbound (account_id, phone_e164, received_at);
-- Retention (F30) in bounded batches, oldest first.
CREATE INDEX blocked_inbound_received_ix ON blocked_inbound (account_id, received_at);
