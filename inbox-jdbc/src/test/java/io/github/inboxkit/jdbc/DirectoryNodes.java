package io.github.inboxkit.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two nodes on one shared test database, for the tests of the nodes' copies of accounts'
 * directories: this node's store, another node's (its own pool and caches), and this node's pool.
 *
 * @param node this node's store (it keeps copies, by default)
 * @param otherNode another node's store on the same database
 * @param pool the pool of {@code node}, to write rows behind the stores' backs
 */
record DirectoryNodes(JdbcInboxStore node, JdbcInboxStore otherNode, HikariDataSource pool) {

    static DirectoryNodes h2() {
        return new DirectoryNodes(SharedStores.h2(), SharedStores.h2SecondNode(), SharedStores.h2Pool());
    }

    static DirectoryNodes postgres() {
        return new DirectoryNodes(SharedStores.postgres(), SharedStores.postgresSecondNode(),
                SharedStores.postgresPool());
    }
}
