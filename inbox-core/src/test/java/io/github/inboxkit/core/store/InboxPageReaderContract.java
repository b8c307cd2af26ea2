package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ContactDetails;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.ReadFilter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store's inbox page read model ({@link InboxPageReader}): one read returns
 * exactly what the listing, the contacts of its numbers, its assignees and the counters return when
 * read in one transaction, for every filter combination, search and cursor, and only the
 * account's own rows. A store module that implements the capability extends this class.
 */
public abstract class InboxPageReaderContract extends StoreContractSupport {

    private static final int CONVERSATIONS = 12;

    private InboxPageReader reader;
    /** Another account with the same numbers, contacts and user ids, named differently. */
    private AccountId neighbour;

    /** Fills {@link #account}: open and closed, read and unread, assigned or not, named or not. */
    @BeforeEach
    void fillAccounts() {
        assertThat(store).isInstanceOf(InboxPageReader.class);
        reader = (InboxPageReader) store;
        neighbour = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        kit.administration().addUser(neighbour, alice, "Zed Neighbour");
        kit.administration().addUser(neighbour, bob, "Yan Other");
        for (int i = 0; i < CONVERSATIONS; i++) {
            ConversationId id = idOf(receive(phone(i), "hello number " + i));
            receive(neighbour, phone(i), "next door " + i, "carrier-" + UUID.randomUUID());
            if (i % 3 == 0) {
                kit.contacts().create(account, phone(i), ContactDetails.builder().firstName("Ann").lastName("Lee " + i)
                        .customFields(Map.of("plan", CustomFieldValue.text("gold"),
                                "spent", CustomFieldValue.number(new BigDecimal("12.50"))))
                        .build());
                kit.contacts().create(neighbour, phone(i), ContactDetails.builder().firstName("Not").lastName("Mine")
                        .build());
            } else if (i % 3 == 1) {
                kit.contacts().create(account, phone(i), ContactDetails.builder().lastName("Solo " + i).build());
            }
            if (i % 4 == 1) {
                kit.team().assign(account, id, alice, bob);
            } else if (i % 4 == 2) {
                kit.team().assign(account, id, bob, alice);
            }
            if (i % 5 == 2) {
                kit.conversations().markRead(account, id);
            }
            if (i % 2 == 1) {
                kit.conversations().close(account, id);
            }
            // every second pair shares one activity time: the keyset's tie-break by id counts
            if (i % 2 == 1) {
                advance(Duration.ofMinutes(1));
            }
        }
    }

    @Test
    @DisplayName("F1 F5 F7 F11 every filter combination's page read at once equals its reads in one transaction")
    void everyFilterCombination() {
        int compared = 0;
        for (ConversationState state : ConversationState.values()) {
            for (AssignmentFilter assignment : List.of(AssignmentFilter.all(), AssignmentFilter.unassigned(),
                    AssignmentFilter.assignedTo(alice), AssignmentFilter.assignedTo(UserId.of("nobody")))) {
                for (ReadFilter read : ReadFilter.values()) {
                    ConversationListing listing = listing(state, assignment, read, Optional.empty(), 50);
                    assertSameAsTransaction(listing);
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(24);
    }

    @Test
    @DisplayName("F1 pages after a cursor, ties of activity time included, read at once equal their reads in one transaction")
    void everyPageOfAWalk() {
        for (ConversationState state : ConversationState.values()) {
            Optional<InboxCursor> after = Optional.empty();
            List<ConversationId> walked = new ArrayList<>();
            while (true) {
                InboxPageRead page = assertSameAsTransaction(walk(state, after, 2));
                page.conversations().forEach(conversation -> walked.add(conversation.id()));
                if (page.conversations().size() < 2) {
                    break;
                }
                Conversation last = page.conversations().get(1);
                after = Optional.of(new InboxCursor(last.lastActivityAt(), last.id()));
            }
            assertThat(walked).hasSize(CONVERSATIONS / 2).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("F8 a search's page (name, number, message text) read at once equals its reads in one transaction")
    void searches() {
        for (SearchTerm term : List.of(new SearchTerm("ann lee", List.of()), new SearchTerm("solo", List.of()),
                new SearchTerm("number 1", List.of()), new SearchTerm("next door", List.of()),
                new SearchTerm("mine", List.of()), new SearchTerm("6 10 00 00 01", List.of("610000001")),
                new SearchTerm("%_", List.of()))) {
            for (ReadFilter read : ReadFilter.values()) {
                assertSameAsTransaction(listing(ConversationState.OPEN, AssignmentFilter.all(), read, Optional.of(term),
                        50));
            }
        }
        // the neighbour's contact names and messages never make this account's conversations match
        assertThat(read(listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL,
                Optional.of(new SearchTerm("next door", List.of())), 50)).conversations()).isEmpty();
    }

    @Test
    @DisplayName("F6 a page read at once shows the account's own contacts and assignees, never a neighbour's")
    void tenancy() {
        InboxPageRead page = read(listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL,
                Optional.empty(), 50));
        assertThat(page.conversations()).hasSize(CONVERSATIONS / 2);
        assertThat(page.contacts().values()).isNotEmpty()
                .allSatisfy(contact -> assertThat(contact.firstName()).isNotEqualTo(Optional.of("Not")));
        assertThat(page.assignees().values()).isNotEmpty()
                .allSatisfy(user -> assertThat(user.displayName()).isIn("Alice Martin", "Bob"));
        assertThat(page.counters()).isEqualTo(new InboxCounters(CONVERSATIONS / 2, CONVERSATIONS / 2,
                store.inTransaction(account, tx -> tx.counters().counters()).unreadConversations()));
    }

    @Test
    @DisplayName("F11 an empty page read at once still carries the counters")
    void emptyPage() {
        InboxPageRead page = assertSameAsTransaction(listing(ConversationState.OPEN,
                AssignmentFilter.assignedTo(UserId.of("nobody")), ReadFilter.ALL, Optional.empty(), 50));
        assertThat(page.conversations()).isEmpty();
        assertThat(page.counters().openConversations()).isEqualTo(CONVERSATIONS / 2);

        AccountId quiet = newAccount(AccountSettings.defaults());
        InboxPageRead nothing = read(quiet, listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL,
                Optional.empty(), 50));
        assertThat(nothing.conversations()).isEmpty();
        assertThat(nothing.contacts()).isEmpty();
        assertThat(nothing.assignees()).isEmpty();
        assertThat(nothing.counters()).isEqualTo(InboxCounters.zero());
    }

    @Test
    @DisplayName("F1 a page read at once builds its listing from the account once, and a missing account reads as empty")
    void listingFromTheAccount() {
        AtomicInteger calls = new AtomicInteger();
        Optional<InboxPageRead> page = reader.readInboxPage(account, found -> {
            calls.incrementAndGet();
            assertThat(found.id()).isEqualTo(account);
            return listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL, Optional.empty(), 50);
        });
        assertThat(page).isPresent();
        assertThat(calls).hasValue(1);

        Optional<InboxPageRead> missing = reader.readInboxPage(AccountId.of("acct-missing-" + UUID.randomUUID()),
                found -> {
                    calls.incrementAndGet();
                    return listing(ConversationState.OPEN, AssignmentFilter.all(), ReadFilter.ALL, Optional.empty(), 50);
                });
        assertThat(missing).isEmpty();
        assertThat(calls).hasValue(1);
    }

    private InboxPageRead assertSameAsTransaction(ConversationListing listing) {
        InboxPageRead once = read(listing);
        InboxPageRead inTransaction = new TransactionalPageReader(store).readInboxPage(account, found -> listing)
                .orElseThrow();
        assertThat(once).as(listing.toString()).isEqualTo(inTransaction);
        return once;
    }

    private InboxPageRead read(ConversationListing listing) {
        return read(account, listing);
    }

    private InboxPageRead read(AccountId of, ConversationListing listing) {
        return reader.readInboxPage(of, found -> listing).orElseThrow();
    }

    private ConversationListing listing(ConversationState state, AssignmentFilter assignment, ReadFilter read,
            Optional<SearchTerm> search, int limit) {
        return ConversationListing.builder()
                .state(state)
                .assignment(assignment)
                .readFilter(read)
                .search(search)
                .activeSince(START.minus(Duration.ofDays(1)))
                .after(Optional.<InboxCursor>empty())
                .limit(limit)
                .build();
    }

    private ConversationListing walk(ConversationState state, Optional<InboxCursor> after, int limit) {
        return ConversationListing.builder()
                .from(listing(state, AssignmentFilter.all(), ReadFilter.ALL, Optional.empty(), limit))
                .after(after)
                .build();
    }
}
