package io.github.inboxkit.core.internal;

import io.github.inboxkit.core.blocking.ContactBlockedException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.StoreTransaction;
import java.util.Collection;
import java.util.Set;

/**
 * The one blocking rule (F38), used by ingestion, by every path that sends or records outbound text
 * and by the dispatcher's check in its claiming transaction. Blocking is not an opt-out: nothing
 * here reads or writes the consent records ({@link Subscriptions} does).
 */
public final class Blocklist {

    private Blocklist() {}

    /**
     * Whether a number is blocked, as of the transaction.
     *
     * @param tx the transaction
     * @param phone the number
     * @return whether it is blocked
     */
    public static boolean isBlocked(StoreTransaction tx, PhoneNumber phone) {
        return tx.blocks().findBlock(phone).isPresent();
    }

    /**
     * Which of these numbers are blocked, in one read.
     *
     * @param tx the transaction
     * @param phones the numbers
     * @return the blocked ones
     */
    public static Set<PhoneNumber> blocked(StoreTransaction tx, Collection<PhoneNumber> phones) {
        return phones.isEmpty() ? Set.of() : tx.blocks().blockedAmong(phones);
    }

    /**
     * Refuses to send or record outbound text to a blocked number.
     *
     * @param tx the transaction
     * @param phone the recipient
     * @throws ContactBlockedException if it is blocked
     */
    public static void requireNotBlocked(StoreTransaction tx, PhoneNumber phone) {
        if (isBlocked(tx, phone)) {
            throw new ContactBlockedException(phone);
        }
    }
}
