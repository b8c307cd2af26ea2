-- What the engine changed in an inbound message's text before storing it, as bits: 1 = characters
-- no store can keep (NUL, unpaired surrogates) replaced by U+FFFD, 2 = text cut at the engine's
-- maximum inbound length. 0 for every message stored before this version, and for outbound ones,
-- whose text is refused rather than repaired. A constant default: PostgreSQL adds the column
-- without rewriting the table.
ALTER TABLE messages ADD COLUMN text_repairs smallint NOT NULL DEFAULT 0;
