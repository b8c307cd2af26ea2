-- Labels (F35): account-defined labels, and which conversations carry them.
--
-- name_key is the name's comparison key, computed by the library (Label.nameKeyOf: the trimmed NFC
-- name upper-cased then lower-cased in the root locale), so that names are unique per account
-- regardless of case on every database whatever its collation.
CREATE TABLE labels (
    account_id            varchar(64)  NOT NULL,
    label_id              uuid         NOT NULL,
    name                  varchar(64)  NOT NULL,
    name_key              varchar(256) NOT NULL,   -- upper-casing may lengthen a name
    colour                varchar(7)   NOT NULL,   -- '#RRGGBB'
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    CONSTRAINT labels_pk PRIMARY KEY (account_id, label_id),
    -- two transactions taking one name at once collide here
    CONSTRAINT labels_name_uk UNIQUE (account_id, name_key)
);

-- One row per label on a conversation. Both foreign keys cascade, so that no row outlives its label
-- (deleted by a user) or its conversation (deleted by the retention purge or an erasure); both
-- include account_id, so that a distributed PostgreSQL (Citus) keeps them within one shard.
CREATE TABLE conversation_labels (
    account_id            varchar(64)  NOT NULL,
    conversation_id       uuid         NOT NULL,
    label_id              uuid         NOT NULL,
    labelled_at           timestamptz  NOT NULL,
    -- a conversation's labels, and the cascade of a conversation's delete
    CONSTRAINT conversation_labels_pk PRIMARY KEY (account_id, conversation_id, label_id),
    CONSTRAINT conversation_labels_conversation_fk FOREIGN KEY (account_id, conversation_id)
        REFERENCES conversations (account_id, conversation_id) ON DELETE CASCADE,
    CONSTRAINT conversation_labels_label_fk FOREIGN KEY (account_id, label_id)
        REFERENCES labels (account_id, label_id) ON DELETE CASCADE
);
-- A label's conversations: the inbox's label filter (a hashed semi-join beside the keyset walk, or
-- the walk's start when the label is rare), the count of a delete, and the cascade of a label's delete.
CREATE INDEX conversation_labels_label_ix ON conversation_labels (account_id, label_id, conversation_id);
