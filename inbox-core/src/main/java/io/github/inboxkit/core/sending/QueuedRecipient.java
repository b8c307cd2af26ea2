package io.github.inboxkit.core.sending;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.phone.PhoneNumber;

/**
 * A broadcast recipient whose copy is not yet written into its thread (F19). Creating a broadcast
 * checks every recipient and queues the ones it keeps, which is quick whatever the list's length;
 * the dispatcher then writes their copies into their threads and outbox, a batch per step, before
 * claiming what is due. Part of the store port; hosts do not build it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param broadcast the broadcast
 * @param recipient the number, checked and not opted out when the broadcast was created
 * @param sender the sender ID chosen for this recipient
 */
public record QueuedRecipient(BroadcastId broadcast, PhoneNumber recipient, Sender sender) {

    /** Checks every part is given. */
    public QueuedRecipient {
        Require.nonNull(broadcast, "broadcast");
        Require.nonNull(recipient, "recipient");
        Require.nonNull(sender, "sender");
    }
}
