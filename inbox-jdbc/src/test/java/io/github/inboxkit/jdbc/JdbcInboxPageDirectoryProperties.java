package io.github.inboxkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property: whatever contacts and users are created, renamed and assigned, on whichever of two
 * nodes, every page a node reads with its copy of the directory shows what a store that keeps no
 * copy reads from the rows, name for name and initials for initials.
 */
abstract class JdbcInboxPageDirectoryProperties {

    private static final List<String> NUMBERS = List.of("+33610000011", "+33610000012", "+33610000013",
            "+33610000014");
    private static final List<UserId> USERS = List.of(UserId.of("alice"), UserId.of("bob"));
    private static final List<String> NAMES = List.of("Ann", "Ann Bell", "Ben", "Zoe Park", "Eli");

    /** @return the two nodes and the database they share */
    abstract DirectoryNodes nodes();

    /** A store on the nodes' database that keeps no copy, one per dialect. */
    private static final java.util.Map<javax.sql.DataSource, JdbcInboxStore> LOOK_UPS_ONLY =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** What one step does: a change through a node, or only a page read (so that a copy forms). */
    enum Kind { SAVE_CONTACT, RENAME_USER, ASSIGN, PAGE }

    /**
     * One step.
     *
     * @param kind what it does
     * @param onOtherNode whether the other node makes the change
     * @param target the number's or the user's index
     * @param name the name it gives, or the user assigned (by index)
     */
    record Step(Kind kind, boolean onOtherNode, int target, int name) {}

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, NUMBERS.size() - 1),
                        Arbitraries.integers().between(0, NAMES.size() - 1))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 25)
    @Label("F1 F9 F17 pages read with a node's copy of the directory show what the rows hold, after any change on any node")
    void copiesAgreeWithTheRows(@ForAll("steps") List<Step> steps) {
        InboxKit here = kit(nodes().node());
        InboxKit there = kit(nodes().otherNode());
        InboxKit rows = kit(LOOK_UPS_ONLY.computeIfAbsent(nodes().pool(),
                pool -> JdbcInboxStore.builder(pool).directoryCacheSize(0).build()));
        AccountId account = AccountId.of("acct-directory-" + UUID.randomUUID());
        here.administration().createAccount(account, "Directory", AccountSettings.defaults());
        for (UserId user : USERS) {
            here.administration().addUser(account, user, "User " + user.value());
        }
        for (String number : NUMBERS) {
            here.ingestion().receive(account, IncomingMessage.builder().carrierMessageId(number + account)
                    .contactNumber(number).accountNumber("+33700000001").text("hello").build());
        }
        for (Step step : steps) {
            InboxKit by = step.onOtherNode() ? there : here;
            String number = NUMBERS.get(step.target());
            String name = NAMES.get(step.name());
            switch (step.kind()) {
                case SAVE_CONTACT -> {
                    ContactDetails details = ContactDetails.builder().firstName(name.split(" ")[0])
                            .lastName(name.contains(" ") ? java.util.Optional.of(name.split(" ")[1])
                                    : java.util.Optional.empty())
                            .build();
                    by.contacts().findByPhone(account, number).ifPresentOrElse(
                            contact -> by.contacts().update(account, contact.id(), details),
                            () -> by.contacts().create(account, number, details));
                }
                case RENAME_USER -> by.administration().renameUser(account, USERS.get(step.target() % USERS.size()),
                        name);
                case ASSIGN -> {
                    UserId user = USERS.get(step.name() % USERS.size());
                    by.team().assign(account, by.conversations().findByPhone(account, number).orElseThrow().id(),
                            user, user);
                }
                case PAGE -> { }
            }
            List<List<Object>> expected = shown(rows, account);
            assertThat(shown(here, account)).isEqualTo(expected);
            assertThat(shown(there, account)).isEqualTo(expected);
        }
    }

    private static InboxKit kit(JdbcInboxStore store) {
        return InboxKit.builder().store(store).clock(Clock.systemUTC()).build();
    }

    /** @return each row's number, shown name and assignee's initials, in the page's order */
    private static List<List<Object>> shown(InboxKit kit, AccountId account) {
        return kit.inbox().list(account, InboxQuery.openTab()).rows().stream()
                .map(row -> List.<Object>of(row.contactPhone().e164(), row.displayName(),
                        row.assigneeInitials().orElse("")))
                .toList();
    }
}
