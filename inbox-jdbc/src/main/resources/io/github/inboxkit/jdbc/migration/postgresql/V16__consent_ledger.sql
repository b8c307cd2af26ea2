-- The consent ledger (F43): the append-only opt-out and opt-in records grow the kind of change,
-- its actor and, for a revocation the detector read (F44), the detector's rule. Rows written
-- before this version have none; the engine derives the kind and the actor from the action and
-- the source, as it does for a change made without them.
ALTER TABLE opt_out_records ADD COLUMN change_kind varchar(24);
ALTER TABLE opt_out_records ADD COLUMN actor varchar(128);
ALTER TABLE opt_out_records ADD COLUMN rule_id varchar(64);

-- The category of an outbound message (F42): the automatic HELP reply and the consent
-- confirmations carry their own, so that the dispatcher can let the opt-out confirmation reach an
-- opted-out number, and drop it when it would go out too late. NULL: an entry queued before
-- this version, which was conversational.
ALTER TABLE outbox_entries ADD COLUMN category varchar(24);

-- Revocation reviews (F44): an inbound message the detector read as a revocation in natural
-- language, under an account's REVIEW policy, waits here for an agent; an open review at its
-- deadline opts the number out. Part of the consent aggregate, beside the ledger: it names the
-- number, and the thread and message by id only, as the ledger's entries do, so that the inbox's
-- purge of a thread never removes the record of a revocation.
CREATE TABLE revocation_reviews (
    account_id            varchar(64)  NOT NULL,
    review_id             uuid         NOT NULL,
    phone_e164            varchar(16)  NOT NULL,
    conversation_id       uuid         NOT NULL,
    message_id            uuid         NOT NULL,
    rule_id               varchar(64)  NOT NULL,
    flagged_at            timestamptz  NOT NULL,
    due_at                timestamptz  NOT NULL,
    state                 varchar(24)  NOT NULL,
    resolved_at           timestamptz,
    resolved_by           varchar(64),
    CONSTRAINT revocation_reviews_pk PRIMARY KEY (account_id, review_id)
);

-- the open reviews by deadline (the listing and the deadline sweep), and a number's open review
CREATE INDEX revocation_reviews_open_due ON revocation_reviews (account_id, state, due_at, review_id);
CREATE INDEX revocation_reviews_phone ON revocation_reviews (account_id, phone_e164, state);
