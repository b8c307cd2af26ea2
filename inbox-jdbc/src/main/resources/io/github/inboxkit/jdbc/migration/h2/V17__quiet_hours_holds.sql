-- Quiet hours wired into sending (F41). A message carries its category (what a quiet-hours policy
-- covers), and a held one its hold: the reason, when it was held and its release. A held message
-- stays pending with due_at set to its release, so the claim index on (account_id, due_at) already
-- skips it until then: no new index, and the claim's statement is unchanged. Only held_* change as a
-- claim or a result is recorded, and no index holds them, so those updates stay heap-only.
--
-- Nullable, without a default, so that adding them rewrites no row: a row from before this
-- migration has no category, read as CONVERSATIONAL for a message and MARKETING for a broadcast's
-- copies, and no hold.
-- outbox_entries.category comes from V16 (the consent replies' categories, the same column)
ALTER TABLE outbox_entries ADD COLUMN held_reason varchar(32);
ALTER TABLE outbox_entries ADD COLUMN held_at timestamp with time zone;
ALTER TABLE outbox_entries ADD COLUMN held_until timestamp with time zone;
ALTER TABLE broadcasts ADD COLUMN category varchar(32);
