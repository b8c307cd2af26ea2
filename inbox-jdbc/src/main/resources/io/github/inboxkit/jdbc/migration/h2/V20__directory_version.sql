-- The version of an account's directory (saved contacts and users), raised by every transaction
-- that writes one; see the PostgreSQL dialect's V20 for what it serves.
ALTER TABLE accounts ADD COLUMN directory_version bigint NOT NULL DEFAULT 0;
