package io.github.inboxkit.jdbc;

/** {@link JdbcInboxPageDirectoryBehaviour} on H2: two nodes on one database. */
class JdbcOnH2InboxPageDirectoryTest extends JdbcInboxPageDirectoryBehaviour {

    @Override
    DirectoryNodes nodes() {
        return DirectoryNodes.h2();
    }
}
