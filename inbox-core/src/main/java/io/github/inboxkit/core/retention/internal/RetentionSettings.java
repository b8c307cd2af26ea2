package io.github.inboxkit.core.retention.internal;

import io.github.inboxkit.core.Require;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.retention.RetentionOptions;
import io.github.inboxkit.core.retention.RetentionPolicy;
import java.util.function.Function;

/**
 * The retention options as the front door's builder collects them, with their defaults; each
 * setter refuses a bad value at once. Not thread-safe: the builder's thread only.
 */
public final class RetentionSettings implements RetentionOptions {

    private int purgeBatchSize = 1000;
    private Function<Account, RetentionPolicy> retentionPolicies =
            account -> RetentionPolicy.ofWindow(account.settings().retentionWindow());

    /** Creates the options with their defaults. */
    public RetentionSettings() {}

    @Override
    public RetentionSettings purgeBatchSize(int size) {
        Require.argument(size >= 1 && size <= 10_000, "purgeBatchSize", "must be within [1, 10000]");
        this.purgeBatchSize = size;
        return this;
    }

    @Override
    public RetentionSettings retentionPolicies(Function<Account, RetentionPolicy> policies) {
        this.retentionPolicies = Require.nonNull(policies, "retentionPolicies");
        return this;
    }

    int purgeBatchSize() {
        return purgeBatchSize;
    }

    Function<Account, RetentionPolicy> retentionPolicies() {
        return retentionPolicies;
    }
}
