-- Receiving numbers (F45), H2 dialect, the same table as PostgreSQL's V9: which account owns each
-- long code, short code and alphanumeric sender ID, so that a carrier's webhook is routed to
-- exactly one account, found by the number it was sent to (or, for a delivery report, sent from).
--
-- The reasoned exception to the tenancy rule (account_id leads every key): a number belongs to at
-- most one account of the whole database, which only a key on the number alone can guarantee; a
-- check before an insert would let two accounts (or two nodes) claim it at once. The webhook's
-- lookup does not know the account yet, so it too must start from the number. The table is small
-- (one row per sender ID) and rarely written; on a distributed PostgreSQL (Citus) it is a
-- reference table, copied to every node, which keeps the unique key and the local lookup.
--
-- number is canonical: E.164 for long codes, the digits of a short code, the upper-cased text of
-- an alphanumeric ID. The library writes it with the settings of its account, in one transaction.
CREATE TABLE receiving_numbers (
    number                varchar(32)  NOT NULL,
    account_id            varchar(64)  NOT NULL,
    CONSTRAINT receiving_numbers_pk PRIMARY KEY (number)
);
-- An account's own numbers, led by account_id as usual (settings changes list them).
CREATE INDEX receiving_numbers_account_ix ON receiving_numbers (account_id, number);
