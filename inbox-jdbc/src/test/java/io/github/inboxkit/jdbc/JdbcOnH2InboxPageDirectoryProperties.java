package io.github.inboxkit.jdbc;

/** {@link JdbcInboxPageDirectoryProperties} on H2: two nodes and a store without copies on one database. */
class JdbcOnH2InboxPageDirectoryProperties extends JdbcInboxPageDirectoryProperties {

    @Override
    DirectoryNodes nodes() {
        return DirectoryNodes.h2();
    }
}
