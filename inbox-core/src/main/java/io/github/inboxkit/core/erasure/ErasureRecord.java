package io.github.inboxkit.core.erasure;

import io.github.inboxkit.core.InboxStyle;
import io.github.inboxkit.core.Require;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The proof that a number was erased (F40), which survives the erasure: when, by whom, a keyed
 * hash of the number and what was deleted. It holds nothing else of the number or of the person.
 *
 * <p>The hash is HMAC-SHA-256 of the number in E.164 form, keyed with a random 256-bit key of the
 * account that InboxKit keeps in the store: the same number gives the same hash within an account
 * (so a record can be found again from the number, and an erased opt-out honoured) and unrelated
 * hashes across accounts. Anyone who can read the store can still test candidate numbers against
 * it, so it is a pseudonym, not anonymous data; see the compliance documentation.
 *
 * <p>Immutable and thread-safe.
 */
@InboxStyle
@Value.Immutable
public interface ErasureRecord {

    /** @return the erasure's id */
    ErasureId id();

    /** @return the keyed hash of the number: 64 lower-case hex digits */
    String numberHash();

    /** @return who asked */
    ErasureActor requestedBy();

    /** @return when the erasure started, by the engine's clock */
    Instant requestedAt();

    /** @return when its last batch committed; empty while it is unfinished (interrupted, to be repeated) */
    Optional<Instant> completedAt();

    /** @return what was deleted so far */
    ErasureCounts counts();

    /**
     * Starts building a record.
     *
     * @return a new builder, not thread-safe
     */
    static ImmutableErasureRecord.Builder builder() {
        return ImmutableErasureRecord.builder();
    }

    /** Checks the hash's form. */
    @Value.Check
    default void check() {
        Require.argument(numberHash().matches("[0-9a-f]{64}"), "numberHash", "must be 64 lower-case hex digits");
    }
}
