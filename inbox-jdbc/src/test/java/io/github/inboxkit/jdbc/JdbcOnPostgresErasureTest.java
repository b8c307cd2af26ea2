package io.github.inboxkit.jdbc;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ErasureContract;
import io.github.inboxkit.core.store.InboxStore;
import java.util.List;

/** Runs the core's {@link ErasureContract} against the JDBC store on PostgreSQL, searching every table. */
class JdbcOnPostgresErasureTest extends ErasureContract {

    @Override
    protected InboxStore newStore() {
        return SharedStores.postgres();
    }

    @Override
    protected List<String> whereNumberIsLeft(AccountId in, PhoneNumber number) {
        return NumberLeftovers.find(SharedStores.postgresPool(), in, number);
    }
}
