package io.github.inboxkit.jdbc;

import static io.github.inboxkit.jdbc.StoreFixtures.T0;
import static io.github.inboxkit.jdbc.StoreFixtures.conversation;
import static io.github.inboxkit.jdbc.StoreFixtures.inbound;
import static io.github.inboxkit.jdbc.StoreFixtures.newAccount;
import static io.github.inboxkit.jdbc.StoreFixtures.phone;
import static io.github.inboxkit.jdbc.StoreFixtures.receive;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.Account;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.User;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.Contact;
import io.github.inboxkit.core.contact.ContactId;
import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.contact.OptOutAction;
import io.github.inboxkit.core.contact.OptOutRecord;
import io.github.inboxkit.core.contact.OptOutSource;
import io.github.inboxkit.core.conversation.AssignmentChange;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.MediaReference;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.store.ConversationListing;
import io.github.inboxkit.core.store.SearchTerm;
import io.github.inboxkit.core.store.StoreConflictException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the SQL store must do beyond the port's contract tests, on each dialect: SQL-specific
 * encodings (JSON columns, times, nulls), the conflict signal from real unique keys, the listing
 * statement for every filter combination and literal search input. Each test works in its own
 * account, so one migrated database serves the whole class (which also proves F33 isolation).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcInboxStoreBehaviour {

    JdbcInboxStore store;
    private AutoCloseable resources;

    /** Returns a store on a fresh database, and what to close afterwards. */
    abstract JdbcInboxStore openStore(List<AutoCloseable> toClose);

    @BeforeAll
    void migrate() {
        List<AutoCloseable> toClose = new ArrayList<>();
        store = openStore(toClose);
        store.migrate();
        resources = () -> {
            for (AutoCloseable closeable : toClose) {
                closeable.close();
            }
        };
    }

    @AfterAll
    void close() throws Exception {
        store.close();
        resources.close();
    }

    @Test
    @DisplayName("F34 account settings, users, contacts and custom fields read back equal")
    void roundTripsAccountsUsersAndContacts() {
        AccountId id = AccountId.of("acct-roundtrip-" + System.nanoTime());
        AccountSettings settings = AccountSettings.builder()
                .retentionWindow(Duration.ofDays(30))
                .defaultRegion("FR")
                .autoOptOut(false)
                .addAllOptOutKeywords(AccountSettings.DEFAULT_OPT_OUT_KEYWORDS)
                .addOptOutKeywords("ARRET")
                .addSenderIds("+33612340000", "INBOXKIT")
                .defaultSenderId("INBOXKIT")
                .putNumberPools("france", List.of("+33612340001", "+33612340002"))
                .putTemplates("welcome", "Bonjour {{firstName|there}} \"quoted\" \\ é 😀")
                .smartEncoding(true)
                .maxSegments(4)
                .build();
        Account account = Account.builder().id(id).name("Cabinet Dupont").settings(settings).createdAt(T0).build();
        User user = User.builder().id(UserId.of("élodie")).displayName("Élodie Martin").createdAt(T0).build();
        Contact contact = Contact.builder().id(ContactId.random()).phone(phone(1)).firstName("Zoé").lastName("Durand")
                .putCustomFields("vip", CustomFieldValue.flag(true))
                .putCustomFields("balance", CustomFieldValue.number(new BigDecimal("-12.50")))
                .putCustomFields("note", CustomFieldValue.text("line1\nline2 \"x\""))
                .createdAt(T0).updatedAt(T0.plusSeconds(1)).build();

        store.inTransaction(id, tx -> {
            tx.accounts().insertAccount(account);
            tx.team().insertUser(user);
            tx.contacts().insertContact(contact);
            return null;
        });

        store.inTransaction(id, tx -> {
            assertThat(tx.accounts().findAccount()).contains(account);
            assertThat(tx.team().findUser(user.id())).contains(user);
            assertThat(tx.team().listUsers()).containsExactly(user);
            assertThat(tx.contacts().findContact(contact.id())).contains(contact);
            assertThat(tx.contacts().findContactByPhone(phone(1))).contains(contact);
            assertThat(tx.contacts().findContactsByPhone(List.of(phone(1), phone(2)))).containsExactly(Map.entry(phone(1), contact));
            assertThat(tx.counters().counters()).isEqualTo(InboxCounters.zero());
            return null;
        });
    }

    @Test
    @DisplayName("F33 rows of another account read as missing, and its ids can be reused")
    void accountsAreIsolated() {
        AccountId first = newAccount(store);
        AccountId second = newAccount(store);
        Conversation conversation = conversation(phone(7), T0);
        store.inTransaction(first, tx -> {
            tx.conversations().insertConversation(conversation);
            return null;
        });
        store.inTransaction(second, tx -> {
            assertThat(tx.conversations().findConversation(conversation.id())).isEmpty();
            assertThat(tx.conversations().lockConversationByPhone(phone(7))).isEmpty();
            tx.conversations().insertConversation(conversation); // same id and phone in another account: no conflict
            return null;
        });
    }

    @Test
    @DisplayName("F32 a taken carrier message id, contact phone or conversation phone signals a conflict")
    void uniqueKeysSignalConflicts() {
        AccountId account = newAccount(store);
        Conversation conversation = conversation(phone(1), T0);
        store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation);
            tx.messages().insertMessage(inbound(conversation, 1, "hello", "carrier-1", T0));
            tx.contacts().insertContact(Contact.builder().id(ContactId.random()).phone(phone(1)).createdAt(T0).updatedAt(T0).build());
            return null;
        });
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.messages().insertMessage(inbound(conversation, 2, "hello again", "carrier-1", T0));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation(phone(1), T0));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.messages().insertMessage(inbound(conversation, 1, "same sequence", "carrier-2", T0));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.contacts().insertContact(Contact.builder().id(ContactId.random()).phone(phone(1)).createdAt(T0).updatedAt(T0).build());
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.accounts().insertAccount(Account.builder().id(account).name("again").settings(AccountSettings.defaults())
                    .createdAt(T0).build());
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    @DisplayName("F34 a use case that throws leaves nothing written, counters included")
    void workThatThrowsLeavesNothing() {
        AccountId account = newAccount(store);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            receive(tx, phone(3), "hi", "c-3", T0);
            throw boom;
        })).isSameAs(boom);
        store.inTransaction(account, tx -> {
            assertThat(tx.conversations().lockConversationByPhone(phone(3))).isEmpty();
            assertThat(tx.messages().findMessageByCarrierId("c-3")).isEmpty();
            assertThat(tx.counters().counters()).isEqualTo(InboxCounters.zero());
            return null;
        });
    }

    @Test
    @DisplayName("F20 messages keep direction, media, status, read state and schedule; listing and search go newest first")
    void messagesRoundTrip() {
        AccountId account = newAccount(store);
        Conversation conversation = conversation(phone(4), T0);
        Message outbound = Message.builder()
                .id(MessageId.random()).conversationId(conversation.id()).sequence(2)
                .contactPhone(phone(4)).direction(Direction.OUTBOUND).text("")
                .addMedia(new MediaReference("image/png", "s3://bucket/key?x=1&y=\"2\""))
                .senderId("INBOXKIT").status(MessageStatus.SCHEDULED).read(true)
                .author(UserId.of("u1")).broadcastLabel("Soldes d'été")
                .scheduledFor(T0.plusSeconds(3600)).createdAt(T0.plusSeconds(1)).build();
        Message first = inbound(conversation, 1, "Ref 50% OFF_now", "c-4", T0);
        store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(conversation);
            tx.messages().insertMessage(first);
            tx.messages().insertMessage(outbound);
            return null;
        });
        store.inTransaction(account, tx -> {
            assertThat(tx.messages().findMessage(outbound.id())).contains(outbound);
            assertThat(tx.messages().findMessageByCarrierId("c-4")).contains(first);
            assertThat(tx.messages().listMessages(conversation.id(), Long.MAX_VALUE, T0, 10)).containsExactly(outbound, first);
            assertThat(tx.messages().listMessages(conversation.id(), 2, T0, 10)).containsExactly(first);
            assertThat(tx.messages().listMessages(conversation.id(), Long.MAX_VALUE, T0.plusMillis(1), 10)).containsExactly(outbound);
            assertThat(tx.messages().searchMessages(conversation.id(), "50% off_", T0, 10)).containsExactly(first);
            assertThat(tx.messages().searchMessages(conversation.id(), "50%_off", T0, 10)).isEmpty();
            assertThat(tx.messages().searchMessages(conversation.id(), "%", T0, 10)).containsExactly(first);
            assertThat(tx.messages().markInboundMessagesRead(conversation.id())).isEqualTo(1);
            assertThat(tx.messages().markInboundMessagesRead(conversation.id())).isZero();
            Message sent = Message.builder().from(outbound).status(MessageStatus.SENT).carrierMessageId("out-1").build();
            tx.messages().updateMessage(sent);
            assertThat(tx.messages().findMessage(sent.id())).contains(sent);
            assertThat(tx.messages().findMessageByCarrierId("out-1")).isEmpty(); // inbound messages only
            return null;
        });
    }

    @Test
    @DisplayName("F18 F13 opt-out and assignment histories read back in the order they were appended")
    void historiesKeepTheirOrder() {
        AccountId account = newAccount(store);
        Conversation conversation = conversation(phone(5), T0);
        MessageId stop = MessageId.random();
        OptOutRecord out = OptOutRecord.builder().phone(phone(5)).action(OptOutAction.OPTED_OUT)
                .source(OptOutSource.KEYWORD).causedByMessage(stop).keyword("STOP").recordedAt(T0).build();
        OptOutRecord in = OptOutRecord.builder().phone(phone(5)).action(OptOutAction.OPTED_IN)
                .source(OptOutSource.USER).changedBy(UserId.of("u1")).recordedAt(T0).build();
        AssignmentChange toAlice = AssignmentChange.builder().conversationId(conversation.id())
                .newAssignee(UserId.of("alice")).changedBy(UserId.of("bob")).changedAt(T0).build();
        AssignmentChange unassigned = AssignmentChange.builder().conversationId(conversation.id())
                .previousAssignee(UserId.of("alice")).changedBy(UserId.of("alice")).changedAt(T0).build();
        store.inTransaction(account, tx -> {
            assertThat(tx.consent().latestOptOutRecord(phone(5))).isEmpty();
            tx.consent().appendOptOutRecord(out);
            tx.consent().appendOptOutRecord(in);
            tx.conversations().appendAssignmentChange(toAlice);
            tx.conversations().appendAssignmentChange(unassigned);
            return null;
        });
        store.inTransaction(account, tx -> {
            assertThat(tx.consent().latestOptOutRecord(phone(5))).contains(in);
            assertThat(tx.consent().optOutHistory(phone(5))).containsExactly(out, in);
            assertThat(tx.conversations().assignmentHistory(conversation.id())).containsExactly(toAlice, unassigned);
            return null;
        });
    }

    @Test
    @DisplayName("F11 counters move by deltas in the transaction and read back from one row")
    void countersAdjust() {
        AccountId account = newAccount(store);
        store.inTransaction(account, tx -> {
            tx.counters().adjustCounters(3, 1, 2);
            tx.counters().adjustCounters(-1, 1, -1);
            return null;
        });
        InboxCounters counters = store.inTransaction(account, tx -> tx.counters().counters());
        assertThat(counters).isEqualTo(new InboxCounters(2, 2, 1));
    }

    @Test
    @DisplayName("F2 F5 F7 every filter combination lists the matching conversations newest first, page by page")
    void listingFiltersAndPages() {
        AccountId account = newAccount(store);
        UserId alice = UserId.of("alice");
        List<Conversation> all = new ArrayList<>();
        store.inTransaction(account, tx -> {
            for (int i = 0; i < 24; i++) {
                Instant at = T0.plusSeconds(i / 2); // pairs share a time: the id breaks the tie
                Conversation c = Conversation.builder().from(conversation(phone(100 + i), at))
                        .state(i % 3 == 0 ? ConversationState.CLOSED : ConversationState.OPEN)
                        .assignee(i % 4 == 0 ? Optional.empty() : Optional.of(i % 4 == 1 ? alice : UserId.of("bob")))
                        .unreadCount(i % 2)
                        .build();
                tx.conversations().insertConversation(c);
                all.add(c);
            }
            return null;
        });
        List<AssignmentFilter> assignments = List.of(
                AssignmentFilter.all(), AssignmentFilter.unassigned(), AssignmentFilter.assignedTo(alice));
        for (ConversationState state : ConversationState.values()) {
            for (AssignmentFilter assignment : assignments) {
                for (ReadFilter read : ReadFilter.values()) {
                    List<Conversation> expected = all.stream()
                            .filter(c -> c.state() == state)
                            .filter(c -> assignment instanceof AssignmentFilter.All
                                    || (assignment instanceof AssignmentFilter.Unassigned && c.assignee().isEmpty())
                                    || (assignment instanceof AssignmentFilter.AssignedTo to && c.assignee().equals(Optional.of(to.user()))))
                            .filter(c -> read == ReadFilter.ALL || (read == ReadFilter.UNREAD) == (c.unreadCount() > 0))
                            .filter(c -> !c.lastActivityAt().isBefore(T0.plusSeconds(1)))
                            .sorted((a, b) -> a.lastActivityAt().equals(b.lastActivityAt())
                                    ? b.id().compareTo(a.id()) : b.lastActivityAt().compareTo(a.lastActivityAt()))
                            .toList();
                    List<Conversation> paged = new ArrayList<>();
                    Optional<InboxCursor> after = Optional.empty();
                    while (true) {
                        ConversationListing listing = ConversationListing.builder().state(state).assignment(assignment)
                                .readFilter(read).activeSince(T0.plusSeconds(1)).after(after).limit(2).build();
                        List<Conversation> page = store.inTransaction(account, tx -> tx.conversations().listConversations(listing));
                        paged.addAll(page);
                        if (page.size() < 2) {
                            break;
                        }
                        Conversation last = page.get(page.size() - 1);
                        after = Optional.of(new InboxCursor(last.lastActivityAt(), last.id()));
                    }
                    assertThat(paged).as("%s %s %s", state, assignment, read).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    @DisplayName("F8 search finds conversations by contact name, partial phone digits or message keyword; input is literal")
    void searchMatchesNamesDigitsAndBodies() {
        AccountId account = newAccount(store);
        AccountId other = newAccount(store);
        Conversation named = conversation(new PhoneNumber("+33612345678"), T0.plusSeconds(3));
        Conversation keyword = conversation(new PhoneNumber("+14155550132"), T0.plusSeconds(2));
        Conversation percent = conversation(new PhoneNumber("+14155550199"), T0.plusSeconds(1));
        store.inTransaction(account, tx -> {
            tx.conversations().insertConversation(named);
            tx.conversations().insertConversation(keyword);
            tx.conversations().insertConversation(percent);
            tx.contacts().insertContact(Contact.builder().id(ContactId.random()).phone(named.contactPhone())
                    .firstName("Élodie").lastName("Martin").createdAt(T0).updatedAt(T0).build());
            tx.messages().insertMessage(inbound(keyword, 1, "My ORDER ref is AB-12", "k1", T0.plusSeconds(2)));
            tx.messages().insertMessage(inbound(percent, 1, "50% off", "k2", T0.plusSeconds(1)));
            tx.messages().insertMessage(inbound(percent, 2, "old news about order", "k3", T0.minusSeconds(100)));
            return null;
        });
        store.inTransaction(other, tx -> {
            tx.conversations().insertConversation(conversation(new PhoneNumber("+33612345678"), T0.plusSeconds(9)));
            return null;
        });
        assertThat(search(account, "élodie m")).containsExactly(named.id());
        assertThat(search(account, "order")).containsExactly(keyword.id());
        assertThat(search(account, "ab")).containsExactly(keyword.id());
        assertThat(search(account, "50%")).containsExactly(percent.id());
        assertThat(search(account, "5_%")).isEmpty();
        assertThat(search(account, "%")).containsExactly(percent.id());
        assertThat(search(account, "0132", "0132")).containsExactly(keyword.id());
        assertThat(search(account, "x", "1234567")).containsExactly(named.id());
        assertThat(search(account, "' or 1=1 --")).isEmpty();
    }

    @Test
    @DisplayName("F21 account settings (sender IDs) changed through this node are read fresh at once")
    void accountCacheIsInvalidatedOnChange() {
        AccountId account = newAccount(store);
        Account before = store.inTransaction(account, tx -> tx.accounts().findAccount().orElseThrow());
        Account after = Account.builder().from(before)
                .settings(AccountSettings.builder().addSenderIds("+33612340000").defaultSenderId("+33612340000").build())
                .build();
        assertThatThrownBy(() -> store.inTransaction(account, tx -> {
            tx.accounts().updateAccount(after);
            assertThat(tx.accounts().findAccount()).contains(after);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        Optional<Account> afterRollback = store.inTransaction(account, tx -> tx.accounts().findAccount());
        assertThat(afterRollback).contains(before);
        store.inTransaction(account, tx -> {
            tx.accounts().updateAccount(after);
            return null;
        });
        Optional<Account> afterCommit = store.inTransaction(account, tx -> tx.accounts().findAccount());
        assertThat(afterCommit).contains(after);
    }

    private List<ConversationId> search(AccountId account, String text, String... digits) {
        ConversationListing listing = ConversationListing.builder().state(ConversationState.OPEN)
                .assignment(AssignmentFilter.all()).readFilter(ReadFilter.ALL)
                .search(new SearchTerm(text, List.of(digits))).activeSince(T0).limit(50).build();
        return store.inTransaction(account, tx -> tx.conversations().listConversations(listing)).stream()
                .map(Conversation::id).toList();
    }

}
