package io.github.inboxkit.core.store.memory;

import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConsentRows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consent ledger (opt-out and opt-in records) and the revocation reviews of one account in
 * memory: {@link ConsentRows}.
 *
 * <p>Not thread-safe: a view for one transaction, which holds the account's lock.
 */
final class MemoryConsent extends MemoryRows implements ConsentRows {

    /**
     * Each number's records in the order appended. Guarded by the account's lock; every write goes
     * through the transaction's undo log.
     */
    static final class Tables {
        final Map<PhoneNumber, List<OptOutRecord>> optOuts = new HashMap<>();

        /** Revocation reviews by id. */
        final Map<RevocationReviewId, RevocationReview> reviews = new HashMap<>();

    }

    private final Tables tables;

    MemoryConsent(MemoryTransaction tx, Tables tables) {
        super(tx);
        this.tables = tables;
    }
    // ----- subscription -----

    @Override
    public Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone) {
        checkOpen();
        List<OptOutRecord> history = tables.optOuts.get(phone);
        return history == null || history.isEmpty()
                ? Optional.empty()
                : Optional.of(history.get(history.size() - 1));
    }

    @Override
    public void appendOptOutRecord(OptOutRecord record) {
        checkOpen();
        if (!tables.optOuts.containsKey(record.phone())) {
            put(tables.optOuts, record.phone(), new ArrayList<>());
        }
        append(tables.optOuts.get(record.phone()), record);
    }

    @Override
    public List<OptOutRecord> optOutHistory(PhoneNumber phone) {
        checkOpen();
        return List.copyOf(tables.optOuts.getOrDefault(phone, List.of()));
    }
    @Override
    public int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
        checkOpen();
        int deleted = 0;
        for (Map.Entry<PhoneNumber, List<OptOutRecord>> history : List.copyOf(tables.optOuts.entrySet())) {
            List<OptOutRecord> records = history.getValue();
            List<OptOutRecord> kept = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                boolean latest = i == records.size() - 1;
                if (!latest && deleted < limit && records.get(i).recordedAt().isBefore(recordedBefore)) {
                    deleted++;
                } else {
                    kept.add(records.get(i));
                }
            }
            if (kept.size() != records.size()) {
                put(tables.optOuts, history.getKey(), kept);
            }
        }
        return deleted;
    }

    @Override
    public int deleteOptOutRecords(PhoneNumber phone) {
        checkOpen();
        int deleted = tables.optOuts.getOrDefault(phone, List.of()).size();
        remove(tables.optOuts, phone);
        // the number's revocation reviews (F44) name it too
        tables.reviews.values().stream().filter(review -> review.phone().equals(phone)).map(RevocationReview::id)
                .toList().forEach(id -> remove(tables.reviews, id));
        return deleted;
    }
    // ----- revocation reviews -----

    @Override
    public void insertRevocationReview(RevocationReview review) {
        checkOpen();
        if (tables.reviews.containsKey(review.id())) {
            throw new IllegalStateException("revocation review " + review.id() + " exists already");
        }
        put(tables.reviews, review.id(), review);
    }

    @Override
    public Optional<RevocationReview> findRevocationReview(RevocationReviewId id) {
        checkOpen();
        return Optional.ofNullable(tables.reviews.get(id));
    }

    @Override
    public Optional<RevocationReview> findOpenRevocationReview(PhoneNumber phone) {
        checkOpen();
        return tables.reviews.values().stream()
                .filter(review -> review.state().isOpen() && review.phone().equals(phone))
                .min(REVIEW_ORDER);
    }

    @Override
    public List<RevocationReview> listOpenRevocationReviews(Instant dueBefore, int limit) {
        checkOpen();
        return tables.reviews.values().stream()
                .filter(review -> review.state().isOpen() && review.dueAt().isBefore(dueBefore))
                .sorted(REVIEW_ORDER)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean resolveRevocationReview(RevocationReview decided) {
        checkOpen();
        RevocationReview current = tables.reviews.get(decided.id());
        if (current == null || !current.state().isOpen()) {
            return false;
        }
        put(tables.reviews, decided.id(), decided);
        return true;
    }

    private static final Comparator<RevocationReview> REVIEW_ORDER = Comparator.comparing(RevocationReview::dueAt)
            .thenComparing(review -> review.id().value());
}
