-- Intentionally a no-op on H2, which never had the index: the PostgreSQL dialect's V19 drops the
-- trigram index on conversations' digits, which no statement used. The same version number means
-- the same change on both dialects.
DROP INDEX IF EXISTS conversations_digits_trgm;
