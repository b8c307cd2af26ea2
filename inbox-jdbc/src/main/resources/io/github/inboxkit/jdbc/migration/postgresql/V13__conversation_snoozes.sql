-- Snooze (F37): an open conversation leaves the open tab until a time or until the contact
-- replies. The state is the conversation's own, so it lives on its row: the listing filters on it,
-- and a purged or erased conversation takes its snooze with it.
--
-- snoozed is true while the conversation is snoozed; snoozed_until is when it wakes, NULL while it
-- waits for the contact's reply (or is not snoozed). Only an open conversation is snoozed.
ALTER TABLE conversations ADD COLUMN snoozed boolean NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN snoozed_until timestamptz;
ALTER TABLE conversations ADD CONSTRAINT conversations_snooze_ck
    CHECK ((snoozed OR snoozed_until IS NULL) AND (NOT snoozed OR state = 'OPEN'));
-- The waker's look-ups: one account's due snoozes, and the accounts with a due snooze. Partial, so
-- it holds only the snoozed conversations with a wake time: the scan across accounts reads those
-- entries and nothing else, and conversations that are not snoozed cost it nothing.
CREATE INDEX conversations_snoozed_until_ix ON conversations (account_id, snoozed_until)
    WHERE snoozed_until IS NOT NULL;
