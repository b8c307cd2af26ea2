package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.Block;
import io.github.inboxkit.core.blocking.BlockedLogEntry;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.BlockRows;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.mapper.RowMapper;

/** The SQL {@link BlockRows}: tables {@code blocked_numbers} and {@code blocked_inbound} (F38). */
final class JdbiBlockRows extends JdbiRows implements BlockRows {

    private static final String COLUMNS = "phone_e164, reason, blocked_by, blocked_at";

    private static final RowMapper<Block> BLOCK = (rs, ctx) -> Block.builder()
            .phone(new PhoneNumber(rs.getString("phone_e164")))
            .reason(rs.getString("reason"))
            .blockedBy(UserId.of(rs.getString("blocked_by")))
            .blockedAt(instant(rs, "blocked_at"))
            .build();

    JdbiBlockRows(JdbiStoreTransaction tx) {
        super(tx);
    }

    @Override
    public Optional<Block> findBlock(PhoneNumber phone) {
        return run("find block", () -> handle()
                .createQuery("SELECT " + COLUMNS + " FROM blocked_numbers WHERE account_id = :account"
                        + " AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(BLOCK)
                .findOne());
    }

    @Override
    public Set<PhoneNumber> blockedAmong(Collection<PhoneNumber> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(lookUpEach("find blocks", "SELECT " + COLUMNS + " FROM blocked_numbers"
                        + " WHERE account_id = :account AND phone_e164 = ANY(:keys)",
                phones.stream().map(PhoneNumber::e164), BLOCK, Block::phone).keySet());
    }

    @Override
    public void saveBlock(Block block) {
        // delete and insert rather than a dialect's upsert: the row is small and the account's
        // transaction holds it
        deleteBlock(block.phone());
        run("insert block", () -> handle()
                .createUpdate("INSERT INTO blocked_numbers (account_id, " + COLUMNS + ") VALUES (:account, :phone,"
                        + " :reason, :by, :at)")
                .bind("account", account)
                .bind("phone", block.phone().e164())
                .bind("reason", block.reason())
                .bind("by", block.blockedBy().value())
                .bind("at", time(block.blockedAt()))
                .execute());
    }

    @Override
    public boolean deleteBlock(PhoneNumber phone) {
        return run("delete block", () -> handle()
                .createUpdate("DELETE FROM blocked_numbers WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .execute()) > 0;
    }

    @Override
    public List<Block> listBlocks() {
        return run("list blocks", () -> handle()
                .createQuery("SELECT " + COLUMNS + " FROM blocked_numbers WHERE account_id = :account"
                        + " ORDER BY blocked_at DESC, phone_e164")
                .bind("account", account)
                .map(BLOCK)
                .list());
    }

    @Override
    public boolean recordBlockedInbound(String carrierMessageId, PhoneNumber phone, Instant receivedAt) {
        // a repeat finds its row; two deliveries at once collide on the key, a conflict the engine
        // resolves by running the ingestion again, which then finds the row
        boolean seen = run("find blocked inbound", () -> handle()
                .createQuery("SELECT 1 FROM blocked_inbound WHERE account_id = :account"
                        + " AND carrier_message_id = :carrierId")
                .bind("account", account)
                .bind("carrierId", carrierMessageId)
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
        if (seen) {
            return false;
        }
        run("record blocked inbound", () -> handle()
                .createUpdate("INSERT INTO blocked_inbound (account_id, carrier_message_id, phone_e164, received_at)"
                        + " VALUES (:account, :carrierId, :phone, :at)")
                .bind("account", account)
                .bind("carrierId", carrierMessageId)
                .bind("phone", phone.e164())
                .bind("at", time(receivedAt))
                .execute());
        return true;
    }

    @Override
    public List<BlockedLogEntry> blockedLog() {
        return run("read blocked log", () -> handle()
                .createQuery("SELECT phone_e164, count(*) AS arrivals, min(received_at) AS first_seen,"
                        + " max(received_at) AS last_seen FROM blocked_inbound WHERE account_id = :account"
                        + " GROUP BY phone_e164 ORDER BY last_seen DESC, phone_e164")
                .bind("account", account)
                .map((rs, ctx) -> new BlockedLogEntry(new PhoneNumber(rs.getString("phone_e164")),
                        rs.getLong("arrivals"), instant(rs, "first_seen"), instant(rs, "last_seen")))
                .list());
    }

    @Override
    public int deleteBlockedInboundBefore(Instant receivedBefore, int limit) {
        return run("delete old blocked inbound", () -> handle()
                .createUpdate("DELETE FROM blocked_inbound WHERE account_id = :account AND carrier_message_id IN"
                        + " (SELECT b.carrier_message_id FROM blocked_inbound b WHERE b.account_id = :account"
                        + " AND b.received_at < :cutoff ORDER BY b.received_at LIMIT :limit)")
                .bind("account", account)
                .bind("cutoff", time(receivedBefore))
                .bind("limit", limit)
                .execute());
    }
}
