-- InboxKit schema, PostgreSQL dialect.
-- Invariant 6 (DESIGN.md): every table has account_id, and account_id leads every primary key,
-- unique key and index, so that a distributed PostgreSQL (Citus, distributed by account_id) can
-- shard this schema unchanged. Instants are timestamptz (UTC); ids are chosen by the library.

-- pg_trgm serves substring search (ILIKE '%term%') on names, phone digits and message bodies;
-- btree_gin lets account_id lead those GIN indexes. Both are trusted extensions (PostgreSQL 13+):
-- a database owner may create them without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS btree_gin;

CREATE TABLE accounts (
    account_id            varchar(64)  NOT NULL,
    name                  text         NOT NULL,
    window_days           integer      NOT NULL DEFAULT 90,
    auto_opt_out          boolean      NOT NULL DEFAULT true,
    opt_out_keywords      text         NOT NULL DEFAULT 'STOP,UNSUBSCRIBE',
    opt_in_enabled        boolean      NOT NULL DEFAULT false,
    opt_in_keywords       text         NOT NULL DEFAULT 'START',
    team_inbox            boolean      NOT NULL DEFAULT false,
    settings              text         NOT NULL DEFAULT '',
    created_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0,
    CONSTRAINT accounts_pk PRIMARY KEY (account_id)
);

-- Maintained in the same transaction as every change that moves them (invariant 7): reading the
-- badge or a tab count is one primary-key lookup, never a COUNT(*).
CREATE TABLE account_counters (
    account_id            varchar(64)  NOT NULL,
    open_conversations    bigint       NOT NULL DEFAULT 0,
    closed_conversations  bigint       NOT NULL DEFAULT 0,
    unread_conversations  bigint       NOT NULL DEFAULT 0,
    CONSTRAINT account_counters_pk PRIMARY KEY (account_id)
);

CREATE TABLE users (
    account_id            varchar(64)  NOT NULL,
    user_id               uuid         NOT NULL,
    display_name          text         NOT NULL,
    email                 text,
    created_at            timestamptz  NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (account_id, user_id)
);

CREATE TABLE sender_ids (
    account_id            varchar(64)  NOT NULL,
    sender_id             uuid         NOT NULL,
    kind                  varchar(16)  NOT NULL,
    sender_value          varchar(32)  NOT NULL,
    is_default            boolean      NOT NULL DEFAULT false,
    created_at            timestamptz  NOT NULL,
    CONSTRAINT sender_ids_pk PRIMARY KEY (account_id, sender_id),
    CONSTRAINT sender_ids_value_uk UNIQUE (account_id, sender_value)
);

CREATE TABLE contacts (
    account_id            varchar(64)  NOT NULL,
    contact_id            uuid         NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    phone_digits          varchar(15)  NOT NULL,
    first_name            text,
    last_name             text,
    display_name          text         NOT NULL DEFAULT '',
    custom_fields         text         NOT NULL DEFAULT '',
    opted_out             boolean      NOT NULL DEFAULT false,
    opted_out_at          timestamptz,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0,
    CONSTRAINT contacts_pk PRIMARY KEY (account_id, contact_id),
    CONSTRAINT contacts_phone_uk UNIQUE (account_id, phone_e164)
);
CREATE INDEX contacts_name_trgm ON contacts USING gin (account_id, display_name gin_trgm_ops);

-- Opt-out and opt-in history (F18): when, why (keyword message or user), by whom.
CREATE TABLE opt_out_events (
    account_id            varchar(64)  NOT NULL,
    event_id              uuid         NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    kind                  varchar(16)  NOT NULL,
    occurred_at           timestamptz  NOT NULL,
    cause_message_id      uuid,
    by_user_id            uuid,
    keyword               text,
    CONSTRAINT opt_out_events_pk PRIMARY KEY (account_id, event_id)
);
CREATE INDEX opt_out_events_phone_ix ON opt_out_events (account_id, phone_e164, occurred_at);

-- One current thread per (account, contact phone) (F4): the head row is the unique key that two
-- nodes racing to start a thread for the same new number collide on.
CREATE TABLE conversation_heads (
    account_id            varchar(64)  NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    conversation_id       uuid         NOT NULL,
    CONSTRAINT conversation_heads_pk PRIMARY KEY (account_id, phone_e164)
);

CREATE TABLE conversations (
    account_id            varchar(64)  NOT NULL,
    conversation_id       uuid         NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    phone_digits          varchar(15)  NOT NULL,
    contact_name          text         NOT NULL DEFAULT '',
    state                 varchar(8)   NOT NULL,
    assignee_id           uuid,
    unread_count          integer      NOT NULL DEFAULT 0,
    has_unread            boolean      NOT NULL DEFAULT false,
    last_activity_at      timestamptz  NOT NULL,
    preview               text         NOT NULL DEFAULT '',
    last_direction        varchar(8),
    started_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL DEFAULT 0,
    CONSTRAINT conversations_pk PRIMARY KEY (account_id, conversation_id),
    CONSTRAINT conversations_unread_ck CHECK (unread_count >= 0 AND has_unread = (unread_count > 0))
);
-- Keyset listing (newest activity first), one index per filter combination of F2/F5/F7:
-- tab; tab + unread; tab + assignee (NULL = unassigned, indexable with IS NULL); tab + assignee + unread.
CREATE INDEX conversations_tab_ix
    ON conversations (account_id, state, last_activity_at DESC, conversation_id DESC);
CREATE INDEX conversations_tab_unread_ix
    ON conversations (account_id, state, has_unread, last_activity_at DESC, conversation_id DESC);
CREATE INDEX conversations_tab_assignee_ix
    ON conversations (account_id, state, assignee_id, last_activity_at DESC, conversation_id DESC);
CREATE INDEX conversations_tab_assignee_unread_ix
    ON conversations (account_id, state, assignee_id, has_unread, last_activity_at DESC, conversation_id DESC);
-- Search by phone digits (F8: full or partial digits) and by contact name.
CREATE INDEX conversations_digits_trgm ON conversations USING gin (account_id, phone_digits gin_trgm_ops);
CREATE INDEX conversations_name_trgm ON conversations USING gin (account_id, contact_name gin_trgm_ops);
-- Retention (F30) finds conversations whose last activity left the window.
CREATE INDEX conversations_activity_ix ON conversations (account_id, last_activity_at);

CREATE TABLE broadcasts (
    account_id            varchar(64)  NOT NULL,
    broadcast_id          uuid         NOT NULL,
    name                  text         NOT NULL,
    body                  text         NOT NULL,
    created_by            uuid,
    created_at            timestamptz  NOT NULL,
    recipient_count       integer      NOT NULL DEFAULT 0,
    skipped_count         integer      NOT NULL DEFAULT 0,
    CONSTRAINT broadcasts_pk PRIMARY KEY (account_id, broadcast_id)
);

CREATE TABLE messages (
    account_id            varchar(64)  NOT NULL,
    message_id            uuid         NOT NULL,
    conversation_id       uuid         NOT NULL,
    direction             varchar(8)   NOT NULL,
    body                  text         NOT NULL DEFAULT '',
    media                 text,
    status                varchar(16)  NOT NULL,
    is_read               boolean      NOT NULL DEFAULT true,
    carrier_id            varchar(64),
    carrier_message_id    varchar(128),
    sender                varchar(32),
    recipient             varchar(16),
    segment_count         integer      NOT NULL DEFAULT 1,
    broadcast_id          uuid,
    author_user_id        uuid,
    created_at            timestamptz  NOT NULL,
    status_at             timestamptz  NOT NULL,
    failure_code          text,
    failure_reason        text,
    -- scheduled send (F27): the instant and the zone the user chose it in
    scheduled_at          timestamptz,
    scheduled_zone        varchar(64),
    CONSTRAINT messages_pk PRIMARY KEY (account_id, message_id)
);
-- Idempotent ingestion (invariant 4, F32): a carrier's message id is stored once per account.
CREATE UNIQUE INDEX messages_carrier_uk ON messages (account_id, carrier_id, carrier_message_id);
-- A thread's messages in order, and its keyset paging.
CREATE INDEX messages_conversation_ix ON messages (account_id, conversation_id, created_at, message_id);
-- Keyword search in bodies (F8, F15).
CREATE INDEX messages_body_trgm ON messages USING gin (account_id, body gin_trgm_ops);
-- Retention (F30) in bounded batches, oldest first.
CREATE INDEX messages_created_ix ON messages (account_id, created_at);
CREATE INDEX messages_broadcast_ix ON messages (account_id, broadcast_id);

-- Outbox (invariant 3): one row per message waiting to be sent; a dispatcher claims due rows with
-- FOR UPDATE SKIP LOCKED and a lease, and deletes the row when the carrier's answer is recorded.
CREATE TABLE outbox (
    account_id            varchar(64)  NOT NULL,
    message_id            uuid         NOT NULL,
    due_at                timestamptz  NOT NULL,
    attempts              integer      NOT NULL DEFAULT 0,
    next_attempt_at       timestamptz  NOT NULL,
    lease_until           timestamptz,
    lease_owner           varchar(64),
    CONSTRAINT outbox_pk PRIMARY KEY (account_id, message_id)
);
CREATE INDEX outbox_due_ix ON outbox (account_id, next_attempt_at);

-- Ownership history (F13).
CREATE TABLE assignment_events (
    account_id            varchar(64)  NOT NULL,
    event_id              uuid         NOT NULL,
    conversation_id       uuid         NOT NULL,
    from_user_id          uuid,
    to_user_id            uuid,
    by_user_id            uuid,
    occurred_at           timestamptz  NOT NULL,
    CONSTRAINT assignment_events_pk PRIMARY KEY (account_id, event_id)
);
CREATE INDEX assignment_events_conversation_ix
    ON assignment_events (account_id, conversation_id, occurred_at);

-- Delivery reports for a carrier message id the store does not know (yet): kept so that a report
-- arriving before the submit's answer is recorded can be applied afterwards.
CREATE TABLE unknown_delivery_reports (
    account_id            varchar(64)  NOT NULL,
    carrier_id            varchar(64)  NOT NULL,
    carrier_message_id    varchar(128) NOT NULL,
    status                varchar(16)  NOT NULL,
    error_code            text,
    occurred_at           timestamptz  NOT NULL,
    received_at           timestamptz  NOT NULL,
    CONSTRAINT unknown_delivery_reports_pk
        PRIMARY KEY (account_id, carrier_id, carrier_message_id, status)
);
