package io.github.inboxkit.jdbc;

/** {@link JdbcInboxPageDirectoryProperties} on PostgreSQL: two nodes and a store without copies on one database. */
class JdbcOnPostgresInboxPageDirectoryProperties extends JdbcInboxPageDirectoryProperties {

    @Override
    DirectoryNodes nodes() {
        return DirectoryNodes.postgres();
    }
}
