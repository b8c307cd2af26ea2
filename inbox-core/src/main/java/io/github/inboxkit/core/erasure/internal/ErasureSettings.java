package io.github.inboxkit.core.erasure.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.erasure.ErasureOptions;

/**
 * The erasure options as the front door's builder collects them, with their defaults; each setter
 * refuses a bad value at once. Not thread-safe: the builder's thread only.
 */
public final class ErasureSettings implements ErasureOptions {

    private int erasureBatchSize = 500;

    /** Creates the options with their defaults. */
    public ErasureSettings() {}

    @Override
    public ErasureSettings erasureBatchSize(int size) {
        Require.argument(size >= 1 && size <= 10_000, "erasureBatchSize", "must be within [1, 10000]");
        this.erasureBatchSize = size;
        return this;
    }

    int erasureBatchSize() {
        return erasureBatchSize;
    }
}
