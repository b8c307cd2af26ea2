package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.util.List;

/**
 * Erasure of a contact on request, the right to be forgotten (F40). Erasing a number deletes, in
 * bounded batches of one transaction each, its conversation with every message (notes included),
 * their outbox entries (scheduled sends and sends not yet handed to a carrier are cancelled by it),
 * the conversation's ownership history and the rows attached to it, the saved contact with its
 * custom fields, its queued broadcast copies and broadcast skips, the idempotency keys and the
 * kept delivery reports of its messages, and its opt-out and opt-in records. Counters and the badge
 * are exact after every batch.
 *
 * <p>What survives: an {@link ErasureRecord} (when, by whom, the number's keyed hash, the counts)
 * and, when the number's latest subscription state was opted out, a hashed opt-out that the
 * opt-out rule honours, so that an erased STOP is never texted again, even when the person writes
 * in later as a new contact, until the number opts in again (a START, or a user's resubscription),
 * which clears it.
 *
 * <p>Media: InboxKit stores references to media, never their bytes. The references of every
 * erased message are handed to the host, in the {@link io.github.inboxkit.core.event.InboxEvent.MessagesErased}
 * event of each batch and in the {@link ErasureResult}, so that the host deletes the bytes it keeps.
 *
 * <p>A send that a dispatcher has already handed to a carrier (SENDING) cannot be recalled: its
 * entry and message are deleted like the others, the carrier's answer then finds nothing to record,
 * and {@link ErasureCounts#inFlightSends()} says how many there were.
 *
 * <p>If a call is interrupted (the store fails, the node stops), what committed stays erased and
 * the erasure is recorded as unfinished; a repeat of the request finishes it, in the same record.
 *
 * <p>Reached as {@code InboxKit.erasure()}. Thread-safe.
 */
public interface Erasure {

    /**
     * Erases a number, or a saved contact and its number, batch after batch until nothing of it is
     * left, and records the proof.
     *
     * @param account the account
     * @param request what to erase and who asks
     * @return the proof record and what was erased
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     * @throws io.github.inboxkit.core.contact.NoSuchContactException if the request names a contact
     *     id that the account does not have (one already erased included)
     * @throws ErasureIncompleteException if new messages kept arriving for the number while it was
     *     erased; what committed stays erased and a repeat finishes the job
     * @throws io.github.inboxkit.core.store.StoreException if the store fails; what committed stays
     *     erased and a repeat finishes the job
     */
    ErasureResult erase(AccountId account, ErasureRequest request);

    /**
     * The account's erasure records of a number, oldest first: for a host that must show that a
     * request was honoured. The number is matched by its keyed hash; nothing else of it is kept.
     *
     * @param account the account
     * @param number the number
     * @return the records, possibly empty
     * @throws io.github.inboxkit.core.MissingValueException if an argument is null
     * @throws io.github.inboxkit.core.account.NoSuchAccountException if the account does not exist
     */
    List<ErasureRecord> findErasures(AccountId account, PhoneNumber number);
}
