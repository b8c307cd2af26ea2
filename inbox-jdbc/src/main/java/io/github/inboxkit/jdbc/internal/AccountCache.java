package io.github.inboxkit.jdbc.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import java.time.Duration;
import java.util.Optional;

/**
 * Accounts (name and settings, sender IDs included) are read by nearly every use case and change
 * rarely, so each node keeps them in a bounded Caffeine cache.
 *
 * <p>Staleness is bounded: a change committed through this node invalidates the entry after its
 * commit; a change committed by another node sharing the database is seen once the entry expires
 * ({@code expireAfterWrite}, 5 seconds by default). Transactions that write the account bypass the
 * cache for the rest of the transaction, and the cache is only filled from transactions that did
 * not write it, so it never holds uncommitted data. Missing accounts are never cached.
 *
 * <p>Thread-safe.
 */
final class AccountCache {

    private final Cache<AccountId, Account> cache;

    AccountCache(Duration expiry) {
        this.cache = expiry.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(expiry)
                .build();
    }

    Optional<Account> get(AccountId id) {
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.getIfPresent(id));
    }

    void put(AccountId id, Account account) {
        if (cache != null) {
            cache.put(id, account);
        }
    }

    void invalidate(AccountId id) {
        if (cache != null) {
            cache.invalidate(id);
        }
    }
}
