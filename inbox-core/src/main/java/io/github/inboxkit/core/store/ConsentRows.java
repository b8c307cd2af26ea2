package io.github.inboxkit.core.store;

import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.RevocationReview;
import io.github.inboxkit.core.contact.RevocationReviewId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port of one aggregate of the store: consent: the consent ledger of opt-out and opt-in records
 * (F18, F43; table {@code opt_out_records} in the SQL stores), appended to and never updated, and
 * the revocation reviews of F44 (table {@code revocation_reviews}). Reached through {@link StoreTransaction#consent()};
 * every operation is scoped to the transaction's account ({@link StoreTransaction#accountId()}):
 * every read sees only that account's rows and every write goes to that account. An implementation
 * reads and writes only this aggregate's rows.
 *
 * <p>Any operation may throw {@link StoreConflictException} (a unique key taken concurrently, a
 * deadlock) or {@link StoreException}. Update operations are only called for rows the engine read
 * in the same transaction; they replace every attribute but the id.
 *
 * <p>Not thread-safe: it belongs to one transaction, one thread, only during {@link
 * InboxStore#inTransaction}.
 */
public interface ConsentRows {

    /**
     * The current subscription state of a number: its most recently appended record.
     *
     * @param phone a phone number
     * @return the latest record, empty if the number never opted out or in
     */
    Optional<OptOutRecord> latestOptOutRecord(PhoneNumber phone);

    /**
     * Appends a subscription change; it becomes the number's latest record.
     *
     * @param record the change
     */
    void appendOptOutRecord(OptOutRecord record);

    /**
     * @param phone a phone number
     * @return the number's subscription changes in the order they were appended
     */
    List<OptOutRecord> optOutHistory(PhoneNumber phone);

    /**
     * The current subscription state of many numbers at once (a broadcast's batch, a dispatcher's
     * claim): each number's most recently appended record.
     *
     * <p>The default asks {@link #latestOptOutRecord} once per number; a SQL store overrides it
     * with one statement.
     *
     * @param phones phone numbers
     * @return the latest record by number; numbers that never opted out or in are absent
     */
    default Map<PhoneNumber, OptOutRecord> latestOptOutRecords(Collection<PhoneNumber> phones) {
        Map<PhoneNumber, OptOutRecord> latest = new LinkedHashMap<>();
        for (PhoneNumber phone : phones) {
            latestOptOutRecord(phone).ifPresent(record -> latest.put(phone, record));
        }
        return latest;
    }

    /**
     * Deletes opt-out records that are older than {@code recordedBefore} and superseded: a number's
     * latest record, which decides whether it may be sent to, is never deleted (F18, F30). Called
     * only for accounts whose retention policy does not keep opt-out records.
     *
     * <p>The default deletes nothing, the safe choice for a store that does not implement it yet:
     * the records are kept. {@code OptOutRetentionContract} checks a store that does.
     *
     * @param recordedBefore the cutoff
     * @param limit the most records to delete, at least 1
     * @return how many were deleted
     */
    default int deleteSupersededOptOutRecords(Instant recordedBefore, int limit) {
        return 0;
    }

    /**
     * Deletes every subscription record of a number, and its revocation reviews, for an erasure
     * (F40): the engine first reads the latest record and keeps its state as a hashed opt-out where
     * it must.
     *
     * @param phone the number
     * @return how many were deleted
     */
    int deleteOptOutRecords(PhoneNumber phone);
    // ----- revocation reviews (F44) -----------------------------------------------------------

    /**
     * Stores a new revocation review.
     *
     * @param review the review, open
     */
    void insertRevocationReview(RevocationReview review);

    /**
     * @param id a review's id
     * @return the review, empty if the account has none with this id
     */
    Optional<RevocationReview> findRevocationReview(RevocationReviewId id);

    /**
     * The open review of a number, if any: intake flags a number once until its review is decided.
     *
     * @param phone a phone number
     * @return its open review
     */
    Optional<RevocationReview> findOpenRevocationReview(PhoneNumber phone);

    /**
     * Open reviews due before an instant, earliest deadline first (ties by id).
     *
     * @param dueBefore the exclusive upper bound of the deadlines listed
     * @param limit the most reviews to return, at least 1
     * @return the reviews
     */
    List<RevocationReview> listOpenRevocationReviews(Instant dueBefore, int limit);

    /**
     * Decides an open review, only if it is still open: of two transactions deciding one review
     * (two agents, an agent and the deadline sweep on another node), one wins and the other sees
     * false, so the decision and its ledger entry are written once.
     *
     * @param decided the review as decided ({@link RevocationReview#resolved})
     * @return whether it was open and is now decided
     */
    boolean resolveRevocationReview(RevocationReview decided);
}
