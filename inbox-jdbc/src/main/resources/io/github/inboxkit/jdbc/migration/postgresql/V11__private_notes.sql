-- Private notes (F36): text a team member writes in a conversation for the team, never sent. A
-- note is not a message: it takes no place in the thread's sequence of messages and moves no
-- counter, no unread count and no activity time, so the ingestion and sending statements never
-- see it. It follows the message that was the thread's last when it was written (after_sequence,
-- 0 before the first message), then the order notes were written in.
--
-- Notes go with their conversation: deleting the conversation (retention purge, erasure) deletes
-- them by the foreign key; the purge deletes notes older than the window first.
CREATE TABLE notes (
    account_id            varchar(64)  NOT NULL,
    note_id               uuid         NOT NULL,
    conversation_id       uuid         NOT NULL,
    after_sequence        bigint       NOT NULL,
    author_id             varchar(64)  NOT NULL,
    body                  text          NOT NULL,
    -- the body lower-cased by the library, what in-thread search (F15) matches, as for messages
    body_lower            text          NOT NULL,
    -- JSON array of the mentioned users' ids
    mentions              text          NOT NULL,
    created_at            timestamptz  NOT NULL,
    CONSTRAINT notes_pk PRIMARY KEY (account_id, note_id),
    CONSTRAINT notes_conversation_fk FOREIGN KEY (account_id, conversation_id)
        REFERENCES conversations (account_id, conversation_id) ON DELETE CASCADE,
    CONSTRAINT notes_after_sequence_ck CHECK (after_sequence >= 0)
);
-- A thread's notes in thread order (and the foreign key's cascade).
CREATE INDEX notes_thread_ix ON notes (account_id, conversation_id, after_sequence, created_at, note_id);
-- Retention (F30) in bounded batches, oldest first.
CREATE INDEX notes_created_ix ON notes (account_id, created_at);
