package io.github.inboxkit.jdbc.internal;

import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ConsentChange;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.contact.RevocationReviewState;
import io.github.inboxkit.core.conversation.ConversationId;
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
 * The consent ledger (opt-out and opt-in records) and the revocation reviews on the SQL schema: the
 * statements of {@code opt_out_records} and {@code revocation_reviews} only, every one filtered by the transaction's account, which leads every key and
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
            "phone_e164, action, source, cause_message_id, keyword, changed_by, recorded_at, change_kind, actor, rule_id";

    private static final RowMapper<OptOutRecord> OPT_OUT = (rs, ctx) -> {
        var builder = OptOutRecord.builder();
        // rows from before V16 have no kind nor actor: the record derives them
        Optional.ofNullable(rs.getString("change_kind")).map(ConsentChange::valueOf).ifPresent(builder::change);
        Optional.ofNullable(rs.getString("actor")).ifPresent(builder::actor);
        return builder
            .phone(new PhoneNumber(rs.getString("phone_e164")))
            .action(OptOutAction.valueOf(rs.getString("action")))
            .source(OptOutSource.valueOf(rs.getString("source")))
            .causedByMessage(Optional.ofNullable(rs.getObject("cause_message_id", UUID.class)).map(MessageId::new))
            .keyword(Optional.ofNullable(rs.getString("keyword")))
            .changedBy(Optional.ofNullable(rs.getString("changed_by")).map(UserId::of))
            .recordedAt(instant(rs, "recorded_at"))
            .ruleId(Optional.ofNullable(rs.getString("rule_id")))
            .build();
    };

    @Override
    public Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone) {
        return run("read subscription", () -> handle()
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
        run("append subscription change", () -> bindNullableUuid(handle()
                .createUpdate("INSERT INTO opt_out_records (account_id, phone_e164, action, source,"
                        + " cause_message_id, keyword, changed_by, recorded_at, change_kind, actor, rule_id)"
                        + " VALUES (:account, :phone, :action, :source, :cause, :keyword, :changedBy, :recordedAt,"
                        + " :change, :actor, :ruleId)")
                .bind("account", account)
                .bind("phone", record.phone().e164())
                .bind("action", record.action().name())
                .bind("source", record.source().name())
                .bind("keyword", record.keyword().orElse(null))
                .bind("changedBy", record.changedBy().map(UserId::value).orElse(null))
                .bind("recordedAt", time(record.recordedAt()))
                .bind("change", record.change().name())
                .bind("actor", record.actor())
                .bind("ruleId", record.ruleId().orElse(null)),
                "cause", record.causedByMessage().map(MessageId::value))
                .execute());
    }

    @Override
    public List<OptOutRecord> optOutHistory(PhoneNumber phone) {
        return run("read subscription history", () -> handle()
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
        return run("delete superseded opt-out records", () -> handle()
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
        // the number's revocation reviews (F44) name it too
        run("delete revocation reviews", () -> handle()
                .createUpdate("DELETE FROM revocation_reviews WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .execute());
        return run("delete opt-out records", () -> handle()
                .createUpdate("DELETE FROM opt_out_records WHERE account_id = :account AND phone_e164 = :phone")
                .bind("account", account)
                .bind("phone", phone.e164())
                .execute());
    }
    // ----- revocation reviews (F44) -----------------------------------------------------------

    private static final String REVIEW_COLUMNS = "review_id, phone_e164, conversation_id, message_id, rule_id,"
            + " flagged_at, due_at, state, resolved_at, resolved_by";

    private static final RowMapper<RevocationReview> REVIEW = (rs, ctx) -> new RevocationReview(
            new RevocationReviewId(rs.getObject("review_id", UUID.class)),
            new PhoneNumber(rs.getString("phone_e164")),
            new ConversationId(rs.getObject("conversation_id", UUID.class)),
            new MessageId(rs.getObject("message_id", UUID.class)),
            rs.getString("rule_id"),
            instant(rs, "flagged_at"),
            instant(rs, "due_at"),
            RevocationReviewState.valueOf(rs.getString("state")),
            Optional.ofNullable(nullableInstant(rs, "resolved_at")),
            Optional.ofNullable(rs.getString("resolved_by")).map(UserId::of));

    @Override
    public void insertRevocationReview(RevocationReview review) {
        run("insert revocation review", () -> handle()
                .createUpdate("INSERT INTO revocation_reviews (account_id, " + REVIEW_COLUMNS + ") VALUES (:account,"
                        + " :id, :phone, :conversation, :message, :rule, :flaggedAt, :dueAt, :state, NULL, NULL)")
                .bind("account", account)
                .bind("id", review.id().value())
                .bind("phone", review.phone().e164())
                .bind("conversation", review.conversationId().value())
                .bind("message", review.messageId().value())
                .bind("rule", review.ruleId())
                .bind("flaggedAt", time(review.flaggedAt()))
                .bind("dueAt", time(review.dueAt()))
                .bind("state", review.state().name())
                .execute());
    }

    @Override
    public Optional<RevocationReview> findRevocationReview(RevocationReviewId id) {
        return run("read revocation review", () -> handle()
                .createQuery("SELECT " + REVIEW_COLUMNS + " FROM revocation_reviews"
                        + " WHERE account_id = :account AND review_id = :id")
                .bind("account", account)
                .bind("id", id.value())
                .map(REVIEW)
                .findOne());
    }

    @Override
    public Optional<RevocationReview> findOpenRevocationReview(PhoneNumber phone) {
        return run("read open revocation review", () -> handle()
                .createQuery("SELECT " + REVIEW_COLUMNS + " FROM revocation_reviews WHERE account_id = :account"
                        + " AND phone_e164 = :phone AND state = 'OPEN' ORDER BY due_at, review_id LIMIT 1")
                .bind("account", account)
                .bind("phone", phone.e164())
                .map(REVIEW)
                .findOne());
    }

    @Override
    public List<RevocationReview> listOpenRevocationReviews(Instant dueBefore, int limit) {
        return run("list open revocation reviews", () -> handle()
                .createQuery("SELECT " + REVIEW_COLUMNS + " FROM revocation_reviews WHERE account_id = :account"
                        + " AND state = 'OPEN' AND due_at < :before ORDER BY due_at, review_id LIMIT :limit")
                .bind("account", account)
                .bind("before", time(dueBefore))
                .bind("limit", limit)
                .map(REVIEW)
                .list());
    }

    @Override
    public boolean resolveRevocationReview(RevocationReview decided) {
        // conditional on OPEN: of two deciders, the second updates nothing (its row lock waits for the first)
        return run("resolve revocation review", () -> handle()
                .createUpdate("UPDATE revocation_reviews SET state = :state, resolved_at = :resolvedAt,"
                        + " resolved_by = :resolvedBy WHERE account_id = :account AND review_id = :id AND state = 'OPEN'")
                .bind("account", account)
                .bind("id", decided.id().value())
                .bind("state", decided.state().name())
                .bind("resolvedAt", time(decided.resolvedAt().orElseThrow()))
                .bind("resolvedBy", decided.resolvedBy().map(UserId::value).orElse(null))
                .execute()) == 1;
    }
}
