-- Snooze (F37): an open conversation leaves the open tab until a time or until the contact
-- replies. The state is the conversation's own, so it lives on its row: the listing filters on it,
-- and a purged or erased conversation takes its snooze with it.
--
-- snoozed is true while the conversation is snoozed; snoozed_until is when it wakes, NULL while it
-- waits for the contact's reply (or is not snoozed). Only an open conversation is snoozed.
ALTER TABLE conversations ADD COLUMN snoozed boolean DEFAULT FALSE NOT NULL;
ALTER TABLE conversations ADD COLUMN snoozed_until timestamp with time zone;
ALTER TABLE conversations ADD CONSTRAINT conversations_snooze_ck
    CHECK ((snoozed OR snoozed_until IS NULL) AND (NOT snoozed OR state = 'OPEN'));
-- The waker's look-ups: one account's due snoozes, and the accounts with a due snooze (H2 has no
-- partial index: NULLs of conversations that are not snoozed sort first, out of the range read).
CREATE INDEX conversations_snoozed_until_ix ON conversations (account_id, snoozed_until);
