package io.github.inboxkit.core.sending;

import io.github.inboxkit.core.InboxException;
import java.time.Instant;
import java.util.Objects;

/**
 * An idempotency key came back with a request that differs from the one it was first used for
 * (F46), within its window. Nothing was queued or changed: a key stands for one request, and InboxKit
 * cannot tell which of the two the user meant. Repeat the first request exactly to get its result,
 * or use a new key for a new request.
 *
 * <p>"The same request" is the same operation ({@code send}, {@code schedule} or {@code broadcast})
 * with equal arguments as given: recipients in the same order and spelling, the same draft (text
 * and attachment bytes), sender ID, number pool, carrier, author, and for a schedule the same time
 * and zone, for a broadcast the same name.
 *
 * <p>Immutable and thread-safe.
 */
public final class IdempotencyKeyReusedException extends InboxException {

    private static final long serialVersionUID = 1L;

    private final IdempotencyKey key;
    private final Instant firstUsedAt;

    /**
     * Creates the exception.
     *
     * @param key the key
     * @param firstUsedAt when the key was first used, by the engine's clock
     */
    public IdempotencyKeyReusedException(IdempotencyKey key, Instant firstUsedAt) {
        super("This idempotency key was first used at " + Objects.requireNonNull(firstUsedAt, "firstUsedAt")
                + " for a different request; nothing was queued. Repeat the first request exactly to get its result,"
                + " or use a new key for a new request.");
        this.key = Objects.requireNonNull(key, "key");
        this.firstUsedAt = firstUsedAt;
    }

    /** @return the key that was reused */
    public IdempotencyKey key() {
        return key;
    }

    /** @return when the key was first used, by the engine's clock */
    public Instant firstUsedAt() {
        return firstUsedAt;
    }
}
