package io.github.inboxkit.core.sending.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.inboxkit.carrier.CarrierCapabilities;
import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.phone.AlphanumericSenderId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.phone.SenderId;
import io.github.inboxkit.core.sending.NoSuchSenderIdException;
import io.github.inboxkit.core.sending.SenderNotAllowedException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the sender of a message (F21, F22): the sender ID asked for, else a number of the pool
 * asked for (rotating, so a pool spreads its traffic), else the account's default, else a number of
 * the account's first pool; and refuses an
 * alphanumeric sender where it cannot go. Thread-safe.
 */
final class SenderChoice {

    private final AtomicLong rotation = new AtomicLong();

    /** A sender ID as parsed once: whether it is alphanumeric, and the sender the carrier takes. */
    private record Parsed(boolean alphanumeric, Sender sender) {}

    /**
     * Sender IDs parsed, by region and text: a long code's parse is a libphonenumber parse, and a
     * broadcast chooses a sender for each of its recipients (about 40% of creating one, before).
     * The account's settings hold a handful each; the bound only caps what many accounts add up to.
     */
    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(10_000).build();

    private String rotate(List<String> numbers) {
        return numbers.get((int) Math.floorMod(rotation.getAndIncrement(), (long) numbers.size()));
    }

    /**
     * Chooses a sender.
     *
     * @param settings the account's settings
     * @param senderId the sender ID asked for
     * @param pool the pool asked for
     * @param recipient the recipient, for the country rule
     * @param carrierId the carrier's id
     * @param capabilities the carrier's capabilities
     * @return the sender as the carrier takes it
     * @throws NoSuchSenderIdException if the sender ID or pool is not the account's, or there is no default
     * @throws SenderNotAllowedException if an alphanumeric sender cannot reach the recipient
     */
    Sender choose(AccountSettings settings, Optional<String> senderId, Optional<String> pool,
            PhoneNumber recipient, String carrierId, CarrierCapabilities capabilities) {
        String chosen;
        if (senderId.isPresent()) {
            if (!settings.senderIds().contains(senderId.get())) {
                throw new NoSuchSenderIdException(senderId.get(), "sender ID");
            }
            chosen = senderId.get();
        } else if (pool.isPresent()) {
            List<String> numbers = settings.numberPools().get(pool.get());
            if (numbers == null || numbers.isEmpty()) {
                throw new NoSuchSenderIdException(pool.get(), "number pool");
            }
            chosen = rotate(numbers);
        } else if (settings.defaultSenderId().isPresent()) {
            chosen = settings.defaultSenderId().get();
        } else if (!settings.numberPools().isEmpty()) {
            // no default sender ID: the account's first pool, by name, shares the traffic (F22)
            chosen = rotate(settings.numberPools().get(new TreeSet<>(settings.numberPools().keySet()).first()));
        } else {
            throw new NoSuchSenderIdException("", "sender ID");
        }
        String region = settings.defaultRegion();
        Parsed sender = parsed.get(region + ' ' + chosen, key -> {
            SenderId id = SenderId.parse(chosen, region);
            return new Parsed(id instanceof AlphanumericSenderId, id.toCarrierSender());
        });
        if (sender.alphanumeric()) {
            if (!capabilities.alphanumericSenders()) {
                throw new SenderNotAllowedException(chosen, carrierId, "the carrier does not take alphanumeric sender IDs");
            }
            if (recipient.e164().startsWith("+1")) {
                throw new SenderNotAllowedException(chosen, carrierId,
                        "the United States and Canada (+1) do not accept alphanumeric sender IDs");
            }
        }
        return sender.sender();
    }
}
