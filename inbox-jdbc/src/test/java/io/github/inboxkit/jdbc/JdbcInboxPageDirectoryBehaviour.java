package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.conversation.IncomingMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Inbox pages and the node's copy of an account's contacts and users: a page shows names from the
 * copy only while the account's directory version holds, and every change made through a store,
 * on this node or another, shows on the next page. Two nodes (their own stores, pools and caches)
 * share one database; a third store keeps no copy and looks every row up.
 */
abstract class JdbcInboxPageDirectoryBehaviour {

    static final String NUMBER_1 = "+33610000001";
    static final String NUMBER_2 = "+33610000002";
    static final String NUMBER_3 = "+33610000003";
    static final UserId ALICE = UserId.of("alice");

    /** @return the two nodes and the database they share */
    abstract DirectoryNodes nodes();

    private InboxKit here;
    private InboxKit there;
    private InboxKit lookUps;
    private AccountId account;
    private Contact ann;

    @BeforeEach
    void accountWithThreeThreads() {
        here = kit(nodes().node());
        there = kit(nodes().otherNode());
        lookUps = kit(JdbcInboxStore.builder(nodes().pool()).directoryCacheSize(0).build());
        account = AccountId.of("acct-directory-" + UUID.randomUUID());
        here.administration().createAccount(account, "Directory", AccountSettings.defaults());
        here.administration().addUser(account, ALICE, "Alice Martin");
        for (String number : List.of(NUMBER_1, NUMBER_2, NUMBER_3)) {
            here.ingestion().receive(account, IncomingMessage.builder().carrierMessageId(number + account)
                    .contactNumber(number).accountNumber("+33700000001").text("hello").build());
        }
        ann = here.contacts().create(account, NUMBER_1, ContactDetails.builder().firstName("Ann").build());
        here.team().assign(account, here.conversations().findByPhone(account, NUMBER_1).orElseThrow().id(),
                ALICE, ALICE);
    }

    private static InboxKit kit(JdbcInboxStore store) {
        return InboxKit.builder().store(store).clock(Clock.systemUTC()).build();
    }

    @Test
    @DisplayName("F1 F17 once the directory held still across two pages, a page takes names from the node's copy")
    void pagesReadTheCopyWhileTheVersionHolds() throws SQLException {
        copied(here);
        // behind the store's back: the row changes, the version does not
        sql("UPDATE contacts SET first_name = 'Zed' WHERE account_id = ? AND phone_e164 = ?", NUMBER_1);

        assertThat(names(here)).containsEntry(NUMBER_1, "Ann");
        assertThat(names(lookUps)).containsEntry(NUMBER_1, "Zed");

        sql("UPDATE accounts SET directory_version = directory_version + 1 WHERE account_id = ?");
        assertThat(names(here)).containsEntry(NUMBER_1, "Zed");
    }

    @Test
    @DisplayName("F17 F1 a contact created or renamed on another node shows on this node's next page")
    void contactChangedElsewhereShowsAtOnce() {
        copied(here);

        there.contacts().update(account, ann.id(), ContactDetails.builder().firstName("Ann").lastName("Bell").build());
        assertThat(names(here)).containsEntry(NUMBER_1, "Ann Bell");

        copied(here);
        there.contacts().create(account, NUMBER_2, ContactDetails.builder().firstName("Ben").build());
        assertThat(names(here)).containsEntry(NUMBER_1, "Ann Bell").containsEntry(NUMBER_2, "Ben")
                .containsEntry(NUMBER_3, NUMBER_3);
        assertThat(names(here)).isEqualTo(names(lookUps));
    }

    @Test
    @DisplayName("F9 a user renamed on another node shows its new initials on this node's next page")
    void userRenamedElsewhereShowsAtOnce() {
        copied(here);

        there.administration().renameUser(account, ALICE, "Bea Stone");

        assertThat(initials(here)).containsEntry(NUMBER_1, Optional.of("BS"));
    }

    @Test
    @DisplayName("F1 F17 a store that keeps no copy reads every change of the rows at once")
    void withoutCopiesEveryPageLooksUp() throws SQLException {
        copied(lookUps);
        sql("UPDATE contacts SET first_name = 'Zed' WHERE account_id = ? AND phone_e164 = ?", NUMBER_1);

        assertThat(names(lookUps)).containsEntry(NUMBER_1, "Zed");
    }

    /** Pages enough for a node to copy the directory (it copies once a version was read twice). */
    private void copied(InboxKit kit) {
        for (int i = 0; i < 3; i++) {
            names(kit);
        }
    }

    /** @return each row's shown name (the contact's, else the number), by number */
    private Map<String, String> names(InboxKit kit) {
        Map<String, String> names = new LinkedHashMap<>();
        for (InboxRow row : kit.inbox().list(account, InboxQuery.openTab()).rows()) {
            names.put(row.contactPhone().e164(), row.displayName());
        }
        return names;
    }

    private Map<String, Optional<String>> initials(InboxKit kit) {
        Map<String, Optional<String>> initials = new LinkedHashMap<>();
        for (InboxRow row : kit.inbox().list(account, InboxQuery.openTab()).rows()) {
            initials.put(row.contactPhone().e164(), row.assigneeInitials());
        }
        return initials;
    }

    private void sql(String statement, String... values) throws SQLException {
        try (Connection connection = nodes().pool().getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setString(1, account.value());
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 2, values[i]);
            }
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
