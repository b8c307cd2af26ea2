package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConsentRows;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Subscription (opt-out and opt-in) records on the SQL schema: the statements of {@code
 * opt_out_records} only, every one filtered by the transaction's account, which leads every key and
 * index (architecture invariant 6), so that an id of another account reads as a missing row. One of
 * the ports a {@link JdbiStoreTransaction} hands out.
 *
 * <p>Not thread-safe: it lives on one thread for one {@code inTransaction} call.
 */
final class JdbiConsentRows extends JdbiRows implements ConsentRows {

    private final JdbiStoreTransaction tx;

    JdbiConsentRows(JdbiStoreTransaction tx) {
        super(tx);
        this.tx = tx;
    }

    // ----- subscription -----------------------------------------------------------------------

    private static final String OPT_OUT_COLUMNS =
            "phone_e164, action, source, cause_message_id, keyword, changed_by, recorded_at";

    private static final RowMapper<OptOutRecord> OPT_OUT = (rs, ctx) -> OptOutRecord.builder()
            .phone(new PhoneNumber(rs.getString("phone_e164")))
            .action(OptOutAction.valueOf(rs.getString("action")))
            .source(OptOutSource.valueOf(rs.getString("source")))
            .causedByMessage(Optional.ofNullable(rs.getObject("cause_message_id", UUID.class)).map(MessageId::new))
            .keyword(Optional.ofNullable(rs.getString("keyword")))
            .changedBy(Optional.ofNullable(rs.getString("changed_by")).map(UserId::of))
            .recordedAt(instant(rs, "recorded_at"))
            .build();

    @Override
    public Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone) {
        return run("read subscription", () -> handle
                .createQuery("SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                        + " WHERE account_id = :account AND phone_e164 = :phone ORDER BY record_seq DESC LIMIT 1")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(OPT_OUT)
                .findOne());
    }

    @Override
    public Map<PhoneNumber, OptOutRecord> latestOptOutRecords(Collection<PhoneNumber> phones) {
        if (!setBased) {
            // every record of the batch's numbers, newest first per number: the first read is the latest
            return readByKeys("read subscriptions", "SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                    + " WHERE account_id = :account AND phone_e164 IN (<keys>) ORDER BY phone_e164, record_seq DESC",
                    phones, PhoneNumber::e164, OPT_OUT, OptOutRecord::phone);
        }
        return lookUpEach("read subscriptions", LATEST_OPT_OUT_RECORDS, phones.stream().map(PhoneNumber::e164),
                OPT_OUT, OptOutRecord::phone);
    }

    /**
     * On PostgreSQL: the latest record of each number, one primary-key descent per number, whatever
     * the statistics say (see {@link JdbiConversationRows#LOCK_CONVERSATIONS_BY_PHONE}), and only
     * the latest read.
     */
    static final String LATEST_OPT_OUT_RECORDS = "SELECT r.* FROM unnest(CAST(:keys AS text[])) AS k(phone)"
            + " CROSS JOIN LATERAL (SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records x WHERE x.account_id = :account"
            + " AND x.phone_e164 = k.phone ORDER BY x.record_seq DESC LIMIT 1) r";

    @Override
    public void appendOptOutRecord(OptOutRecord record) {
        run("append subscription change", () -> bindNullableUuid(handle
                .createUpdate("INSERT INTO opt_out_records (account_id, phone_e164, action, source,"
                        + " cause_message_id, keyword, changed_by, recorded_at) VALUES (:account, :phone, :action,"
                        + " :source, :cause, :keyword, :changedBy, :recordedAt)")
                .bind("account", account)
                .bind("phone", record.phone().e164())
                .bind("action", record.action().name())
                .bind("source", record.source().name())
                .bind("keyword", record.keyword().orElse(null))
                .bind("changedBy", record.changedBy().map(UserId::value).orElse(null))
                .bind("recordedAt", time(record.recordedAt())),
                "cause", record.causedByMessage().map(MessageId::value))
                .execute());
    }

    @Override
    public List<OptOutRecord> optOutHistory(PhoneNumber phone) {
        return run("read subscription history", () -> handle
                .createQuery("SELECT " + OPT_OUT_COLUMNS + " FROM opt_out_records"
                        + " WHERE account_id = :account AND phone_e164 = :phone ORDER BY record_seq")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(OPT_OUT)
                .list());
    }

    @Override
    public int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
        // a number's latest record decides whether it may be sent to: only older ones go
        return run("delete superseded opt-out records", () -> handle
                .createUpdate("DELETE FROM opt_out_records WHERE account_id = :account AND record_seq IN ("
                        + "SELECT r.record_seq FROM opt_out_records r WHERE r.account_id = :account"
                        + " AND r.recorded_at < :before AND EXISTS (SELECT 1 FROM opt_out_records n"
                        + " WHERE n.account_id = :account AND n.phone_e164 = r.phone_e164"
                        + " AND n.record_seq > r.record_seq) ORDER BY r.record_seq LIMIT :limit)")
                .bind("account", account)
                .bind("before", time(recordedBefore))
                .bind("limit", limit)
                .execute());
    }

    @Override
    public int deleteOptOutRecords(PhoneNumber phone) {
        return run("delete opt-out records", () -> handle
                .createUpdate("DELETE FROM opt_out_records WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .execute());
    }
}
