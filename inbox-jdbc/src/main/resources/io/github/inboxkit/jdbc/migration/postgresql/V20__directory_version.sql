-- The version of an account's directory: its saved contacts and its users, what an inbox page
-- shows beside each conversation (the contact's name, the assignee's initials). The store raises
-- it in every transaction that writes a contact or a user, just before the commit. A node may
-- then keep the account's directory in memory and trust it for as long as the version it reads
-- with a page is the one it loaded: a page is then read without a look-up per row, and a change
-- made on any node is seen by the next page. A column with a constant default: no table rewrite.
ALTER TABLE accounts ADD COLUMN directory_version bigint NOT NULL DEFAULT 0;
