-- Cluster-wide throughput limits (F50): one row per limit of an account (a sender's rate, a group
-- of senders' rate, a carrier's rate, a daily cap), with the tokens left in its bucket (or the
-- messages counted in its day) and when they were counted. A dispatcher's claim locks the rows of
-- the limits its messages fall under, takes a token per message it sends, and writes them back in
-- the claim's transaction: so every node dispatching from this database shares one bucket per
-- limit. The rows are few (one per sender and limit) and written on every claim, hence no index
-- beyond the key.
CREATE TABLE throughput_states (
    account_id            varchar(64)       NOT NULL,
    limit_key             varchar(200)      NOT NULL,
    tokens                double precision  NOT NULL,
    refilled_at           timestamp with time zone NOT NULL,
    CONSTRAINT throughput_states_pk PRIMARY KEY (account_id, limit_key)
);
