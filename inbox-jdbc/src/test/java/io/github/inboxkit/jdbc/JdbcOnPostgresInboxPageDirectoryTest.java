package io.github.inboxkit.jdbc;

/** {@link JdbcInboxPageDirectoryBehaviour} on PostgreSQL: two nodes on one database. */
class JdbcOnPostgresInboxPageDirectoryTest extends JdbcInboxPageDirectoryBehaviour {

    @Override
    DirectoryNodes nodes() {
        return DirectoryNodes.postgres();
    }
}
