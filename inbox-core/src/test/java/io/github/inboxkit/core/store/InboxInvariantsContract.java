package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Contract: jqwik properties over random sequences of use cases, sequential (against a model) and
 * concurrent (real threads), on two accounts and a handful of numbers, so that threads collide.
 *
 * <p>Invariants: a conversation's unread count equals its unread inbound messages; the badge equals
 * the conversations with unread messages; tab counters equal the conversations in each tab; the
 * open/closed state machine follows the model; listing pages neither skip nor repeat; nothing of
 * one account is visible from the other (F2, F3, F6, F11, F20, F32, F33).
 */
public abstract class InboxInvariantsContract {

    private static final int ACCOUNTS = 2;
    private static final int PHONES = 4;

    /**
     * Creates the store under test, or returns a shared one (each try uses fresh accounts).
     *
     * @return the store
     */
    protected abstract InboxStore newStore();

    /** What a person, a carrier or the clock does. */
    sealed interface Op {}

    record Receive(int account, int phone, String text, boolean repeatCarrierId) implements Op {}

    record Send(int account, int phone) implements Op {}

    record MarkRead(int account, int phone) implements Op {}

    record MarkLatestUnread(int account, int phone) implements Op {}

    record Close(int account, int phone) implements Op {}

    record Reopen(int account, int phone) implements Op {}

    record MarkAllRead(int account) implements Op {}

    record CloseAllRead(int account) implements Op {}

    record Advance(int seconds) implements Op {}

    /** F41: the account's quiet hours turned on (federal) or off; the inbox's state must not move. */
    record SetQuietHours(int account, boolean federal) implements Op {}

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Integer> phone = Arbitraries.integers().between(0, PHONES - 1);
        Arbitrary<Op> receive = Combinators.combine(account, phone,
                        Arbitraries.of("hello", "hello", "hello", "STOP", "start", "where is my order?"),
                        Arbitraries.of(false, false, true))
                .as(Receive::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, receive),
                net.jqwik.api.Tuple.of(3, Combinators.combine(account, phone).as(Send::new)),
                net.jqwik.api.Tuple.of(3, Combinators.combine(account, phone).as(MarkRead::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone).as(MarkLatestUnread::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone).as(Close::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone).as(Reopen::new)),
                net.jqwik.api.Tuple.of(1, account.map(MarkAllRead::new)),
                net.jqwik.api.Tuple.of(1, account.map(CloseAllRead::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 3).map(Advance::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, Arbitraries.of(true, false))
                        .as(SetQuietHours::new)));
        return op.list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 80)
    @Label("F2 F3 F6 F11 F18 F20 F32 F41 random sequences follow the model: states, unread counts, badge, tabs")
    void sequentialSequencesFollowTheModel(@ForAll("operations") List<Op> operations,
            @ForAll @IntRange(min = 1, max = 4) int pageSize) {
        World world = new World(newStore());
        Model model = new Model();
        for (Op op : operations) {
            world.apply(op, model);
        }
        world.checkInvariants(pageSize);
        world.checkAgainst(model);
    }

    @Property(tries = 25)
    @Label("F11 F32 F33 concurrent sequences on real threads keep counters exact, pages whole and accounts apart")
    void concurrentSequencesKeepInvariants(@ForAll("operations") List<Op> first,
            @ForAll("operations") List<Op> second, @ForAll("operations") List<Op> third,
            @ForAll @IntRange(min = 1, max = 4) int pageSize) throws InterruptedException {
        World world = new World(newStore());
        List<List<Op>> lanes = List.of(first, second, third);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (List<Op> lane : lanes) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (Op op : lane) {
                        world.apply(op, null);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        world.checkInvariants(pageSize);
    }

    /** Writes that never take a conversation out of the open tab: activity and time. */
    @Provide
    Arbitrary<List<List<Op>>> activity() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Integer> phone = Arbitraries.integers().between(0, PHONES - 1);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(account, phone, Arbitraries.of("hello"),
                        Arbitraries.of(false)).as(Receive::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone).as(Send::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 2).map(Advance::new)));
        return op.list().ofMaxSize(4).list().ofMaxSize(8);
    }

    @Property(tries = 60)
    @Label("F1 pages walked while messages arrive neither skip nor repeat a conversation")
    void pagesWalkedWhileWritesHappen(@ForAll("operations") List<Op> before,
            @ForAll("activity") List<List<Op>> betweenPages,
            @ForAll @IntRange(min = 1, max = 3) int pageSize) {
        World world = new World(newStore());
        for (Op op : before) {
            world.apply(op, null);
        }
        AccountId account = world.accounts.get(0);
        Set<ConversationId> openAtStart = new HashSet<>();
        for (int p = 0; p < PHONES; p++) {
            world.conversation(0, p).map(id -> world.kit.conversations().get(account, id))
                    .filter(c -> c.state() == ConversationState.OPEN)
                    .ifPresent(c -> openAtStart.add(c.id()));
        }
        List<ConversationId> walked = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        int page = 0;
        do {
            InboxPage listed = world.kit.inbox().list(account,
                    InboxQuery.builder().limit(pageSize).after(after).build());
            listed.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
            after = listed.next();
            if (page < betweenPages.size()) {
                // a write in the very microsecond of the first page's read is the one case the
                // walk cannot place (InboxCursor); real clocks move on, the test clock must too
                world.clock.advance(Duration.ofNanos(1_000));
                for (Op op : betweenPages.get(page)) {
                    world.apply(op, null);
                }
            }
            page++;
        } while (after.isPresent());

        assertThat(walked).as("no conversation repeated").doesNotHaveDuplicates();
        assertThat(walked).as("no conversation skipped").containsAll(openAtStart);
    }

    /** The expected state of every conversation, for sequential runs. */
    static final class Model {
        final Map<String, ConversationState> states = new HashMap<>();
        final Map<String, List<Boolean>> inboundRead = new HashMap<>();
        final Set<String> optedOut = new HashSet<>();
        final Map<String, String> firstCarrierId = new HashMap<>();

        static String key(int account, int phone) {
            return account + "/" + phone;
        }

        void activity(String key) {
            states.put(key, ConversationState.OPEN);
            inboundRead.computeIfAbsent(key, k -> new ArrayList<>());
        }
    }

    /** Two accounts on one engine, and the use cases the operations call. */
    final class World {
        final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        final InboxKit kit;
        final List<AccountId> accounts = new ArrayList<>();
        final UserId user = UserId.of("agent");
        final String run = UUID.randomUUID().toString();

        World(InboxStore store) {
            kit = InboxKit.builder().store(store).clock(clock).build();
            for (int i = 0; i < ACCOUNTS; i++) {
                AccountId id = AccountId.of("prop-" + run + "-" + i);
                kit.administration().createAccount(id, "Property account " + i,
                        AccountSettings.builder().defaultRegion("FR").build());
                kit.administration().addUser(id, user, "Agent Smith");
                accounts.add(id);
            }
        }

        String phone(int index) {
            return String.format("+3362%07d", index);
        }

        Optional<ConversationId> conversation(int account, int phone) {
            return kit.conversations().findByPhone(accounts.get(account), phone(phone)).map(Conversation::id);
        }

        void apply(Op op, Model model) {
            if (op instanceof Receive r) {
                String key = Model.key(r.account(), r.phone());
                // a repeated id re-delivers the number's first message: a no-op (F32)
                String carrierId = r.repeatCarrierId()
                        ? "first-" + run + "-" + key
                        : "c-" + UUID.randomUUID();
                boolean repeat = r.repeatCarrierId() && model != null && model.firstCarrierId.containsKey(key);
                kit.ingestion().receive(accounts.get(r.account()), IncomingMessage.builder()
                        .carrierMessageId(carrierId).contactNumber(phone(r.phone())).accountNumber("+33700000001").text(r.text()).build());
                if (model != null && !repeat) {
                    if (r.repeatCarrierId()) {
                        model.firstCarrierId.put(key, carrierId);
                    }
                    model.activity(key);
                    model.inboundRead.get(key).add(false);
                    if (r.text().equals("STOP")) {
                        model.optedOut.add(key);
                    } else if (r.text().equals("start")) {
                        model.optedOut.remove(key);
                    }
                }
            } else if (op instanceof Send s) {
                String key = Model.key(s.account(), s.phone());
                NewOutboundMessage message = NewOutboundMessage.builder()
                        .to(new PhoneNumber(phone(s.phone()))).text("reply").author(user).build();
                if (model != null) {
                    if (model.optedOut.contains(key)) {
                        assertThatThrownBy(() -> kit.conversations().recordOutbound(accounts.get(s.account()), message))
                                .isInstanceOf(ContactOptedOutException.class);
                    } else {
                        kit.conversations().recordOutbound(accounts.get(s.account()), message);
                        model.activity(key);
                    }
                } else {
                    try {
                        kit.conversations().recordOutbound(accounts.get(s.account()), message);
                    } catch (ContactOptedOutException expected) {
                        // another thread's STOP won
                    }
                }
            } else if (op instanceof MarkRead m) {
                conversation(m.account(), m.phone()).ifPresent(id -> {
                    kit.conversations().markRead(accounts.get(m.account()), id);
                    if (model != null) {
                        model.inboundRead.get(Model.key(m.account(), m.phone())).replaceAll(read -> true);
                    }
                });
            } else if (op instanceof MarkLatestUnread m) {
                conversation(m.account(), m.phone()).ifPresent(id -> {
                    Optional<Message> latestInbound = kit.conversations().messages(accounts.get(m.account()), id, 500)
                            .stream().filter(message -> message.direction() == Direction.INBOUND)
                            .reduce((a, b) -> b);
                    latestInbound.ifPresent(message -> {
                        kit.conversations().markUnread(accounts.get(m.account()), message.id());
                        if (model != null) {
                            List<Boolean> reads = model.inboundRead.get(Model.key(m.account(), m.phone()));
                            reads.set(reads.size() - 1, false);
                        }
                    });
                });
            } else if (op instanceof Close c) {
                conversation(c.account(), c.phone()).ifPresent(id -> {
                    kit.conversations().close(accounts.get(c.account()), id);
                    if (model != null) {
                        model.states.put(Model.key(c.account(), c.phone()), ConversationState.CLOSED);
                    }
                });
            } else if (op instanceof Reopen r) {
                conversation(r.account(), r.phone()).ifPresent(id -> {
                    kit.conversations().reopen(accounts.get(r.account()), id);
                    if (model != null) {
                        model.states.put(Model.key(r.account(), r.phone()), ConversationState.OPEN);
                    }
                });
            } else if (op instanceof MarkAllRead m) {
                kit.inbox().markAllRead(accounts.get(m.account()));
                if (model != null) {
                    model.inboundRead.forEach((key, reads) -> {
                        if (key.startsWith(m.account() + "/")) {
                            reads.replaceAll(read -> true);
                        }
                    });
                }
            } else if (op instanceof CloseAllRead c) {
                kit.inbox().closeAllRead(accounts.get(c.account()));
                if (model != null) {
                    model.states.replaceAll((key, state) -> key.startsWith(c.account() + "/")
                            && model.inboundRead.get(key).stream().allMatch(read -> read)
                            ? ConversationState.CLOSED : state);
                }
            } else if (op instanceof Advance a) {
                clock.advance(Duration.ofSeconds(a.seconds()));
            } else if (op instanceof SetQuietHours q) {
                AccountId id = accounts.get(q.account());
                kit.administration().updateSettings(id, io.github.inboxkit.core.account.ImmutableAccountSettings
                        .copyOf(kit.administration().account(id).settings()).withQuietHours(q.federal()
                                ? io.github.inboxkit.core.compliance.QuietHoursPolicy.federal()
                                : io.github.inboxkit.core.compliance.QuietHoursPolicy.off()));
                assertThat(kit.administration().account(id).settings().quietHours().isOff()).isEqualTo(!q.federal());
            }
        }

        /** Checks what must hold whatever the interleaving. */
        void checkInvariants(int pageSize) {
            for (int a = 0; a < ACCOUNTS; a++) {
                AccountId account = accounts.get(a);
                List<Conversation> conversations = new ArrayList<>();
                for (int p = 0; p < PHONES; p++) {
                    conversation(a, p).ifPresent(id -> conversations.add(kit.conversations().get(account, id)));
                }
                long unreadConversations = 0;
                for (Conversation conversation : conversations) {
                    List<Message> messages = kit.conversations().messages(account, conversation.id(), 500);
                    long unreadMessages = messages.stream().filter(m -> !m.read()).count();
                    assertThat(conversation.unreadCount()).as("unread count").isEqualTo(unreadMessages);
                    assertThat(messages).extracting(Message::carrierMessageId)
                            .filteredOn(Optional::isPresent).doesNotHaveDuplicates();
                    unreadConversations += conversation.unreadCount() > 0 ? 1 : 0;
                }
                InboxCounters counters = kit.inbox().counters(account);
                assertThat(counters.badge()).as("badge").isEqualTo(unreadConversations);
                for (ConversationState tab : ConversationState.values()) {
                    List<ConversationId> expected = conversations.stream().filter(c -> c.state() == tab)
                            .sorted(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id)
                                    .reversed())
                            .map(Conversation::id).toList();
                    assertThat(walk(account, tab, pageSize)).as("pages of " + tab).containsExactlyElementsOf(expected);
                    assertThat(tab == ConversationState.OPEN ? counters.openConversations() : counters.closedConversations())
                            .as("count of " + tab).isEqualTo(expected.size());
                }
                AccountId otherAccount = accounts.get((a + 1) % ACCOUNTS);
                for (Conversation conversation : conversations) {
                    assertThatThrownBy(() -> kit.conversations().get(otherAccount, conversation.id()))
                            .isInstanceOf(NoSuchConversationException.class);
                }
            }
        }

        void checkAgainst(Model model) {
            for (int a = 0; a < ACCOUNTS; a++) {
                for (int p = 0; p < PHONES; p++) {
                    String key = Model.key(a, p);
                    Optional<ConversationId> id = conversation(a, p);
                    assertThat(id.isPresent()).as("conversation " + key + " exists").isEqualTo(model.states.containsKey(key));
                    if (id.isPresent()) {
                        Conversation conversation = kit.conversations().get(accounts.get(a), id.get());
                        assertThat(conversation.state()).as("state of " + key).isEqualTo(model.states.get(key));
                        assertThat(conversation.unreadCount()).as("unread of " + key)
                                .isEqualTo(model.inboundRead.get(key).stream().filter(read -> !read).count());
                    }
                    assertThat(kit.contacts().isOptedOut(accounts.get(a), new PhoneNumber(phone(p))))
                            .as("opted out " + key).isEqualTo(model.optedOut.contains(key));
                }
            }
        }

        List<ConversationId> walk(AccountId account, ConversationState tab, int pageSize) {
            List<ConversationId> walked = new ArrayList<>();
            Optional<InboxCursor> after = Optional.empty();
            do {
                InboxPage page = kit.inbox().list(account, InboxQuery.builder().tab(tab).limit(pageSize).after(after).build());
                page.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
                after = page.next();
            } while (after.isPresent());
            return walked;
        }
    }
}
