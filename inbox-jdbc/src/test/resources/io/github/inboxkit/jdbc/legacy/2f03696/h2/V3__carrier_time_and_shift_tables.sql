-- Two values the core keeps that V1 and V2 had no column for. Both nullable: rows written before
-- this migration have no value, and the store reads them as the core's "absent" (no carrier time;
-- no shift tables, which the dispatcher recounts at claim for a GSM-7 text).

-- When the carrier received an inbound message, as it said (shown to users, never used for order).
ALTER TABLE messages ADD COLUMN carrier_received_at timestamp with time zone;

-- The national language shift tables the GSM-7 text was counted with: a JSON array of ShiftTable
-- names, locking first ("[]" when none).
ALTER TABLE outbox_entries ADD COLUMN shift_tables varchar;
