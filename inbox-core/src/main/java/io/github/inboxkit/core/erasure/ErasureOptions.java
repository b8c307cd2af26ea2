package io.github.inboxkit.core.erasure;

/**
 * The tunable settings of erasure, as {@code InboxKit.builder().erasureOptions(...)} offers them.
 * Not thread-safe; each setter refuses a bad value at once with an {@link
 * io.github.inboxkit.core.InvalidValueException} naming it.
 */
public interface ErasureOptions {

    /**
     * Sets the most messages one erasure transaction deletes: smaller batches hold locks for less
     * time while traffic continues, larger ones finish sooner.
     *
     * @param size 1 to 10,000; default 500
     * @return these options
     * @throws io.github.inboxkit.core.InvalidValueException if out of range (field {@code "erasureBatchSize"})
     */
    ErasureOptions erasureBatchSize(int size);
}
