-- The trigram index on conversations' digits served no statement: a search (F8) is a filter on
-- the keyset walk of one account's tab, and its digits test sits in an OR with two EXISTS
-- sub-queries, which PostgreSQL never turns into a bitmap scan of this index
-- (ListingPlanOnPostgresTest reads those plans). It cost every inbound message, though: a
-- thread's update moves indexed columns (last activity, unread), so it is never heap-only, and
-- each one wrote the number's dozen trigrams into this index again.
DROP INDEX IF EXISTS conversations_digits_trgm;
