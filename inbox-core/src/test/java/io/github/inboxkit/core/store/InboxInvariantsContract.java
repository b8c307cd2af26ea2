package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.UserId;
import io.github.inboxkit.core.blocking.ContactBlockedException;
import io.github.inboxkit.core.blocking.InboundBlockedException;
import io.github.inboxkit.core.contact.ContactOptedOutException;
import io.github.inboxkit.core.conversation.ThreadEntry;
import io.github.inboxkit.core.erasure.ErasureActor;
import io.github.inboxkit.core.erasure.ErasureIncompleteException;
import io.github.inboxkit.core.erasure.ErasureRequest;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Direction;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NewOutboundMessage;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.conversation.NoSuchMessageException;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.label.LabelNameTakenException;
import io.github.inboxkit.core.label.NoSuchLabelException;
import io.github.inboxkit.core.phone.PhoneNumber;
import io.github.inboxkit.core.snooze.ConversationNotOpenException;
import io.github.inboxkit.core.snooze.SnoozeTimeInPastException;
import io.github.inboxkit.core.snooze.SnoozeUntil;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import java.util.function.Predicate;
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

    // ----- labels (F35): self-contained, the World's applyLabels and checkLabels -----

    record LabelConversation(int account, int phone, int label) implements Op {}

    record UnlabelConversation(int account, int phone, int label) implements Op {}

    record RenameLabel(int account, int label) implements Op {}

    record DeleteLabel(int account, int label) implements Op {}

    private static final int LABELS = 2;
    /** F36: a private note in the number's thread, if it has one. */
    record AddNote(int account, int phone) implements Op {}

    /** F38: the account blocks the number. */
    record BlockNumber(int account, int phone) implements Op {}

    /** F38: the account unblocks the number. */
    record UnblockNumber(int account, int phone) implements Op {}
    /** F37: snooze for some seconds, or until the contact replies (seconds 0). */
    record Snooze(int account, int phone, int seconds) implements Op {}

    /** F37: end a snooze by hand. */
    record Unsnooze(int account, int phone) implements Op {}

    /** F37: the waker's periodic run. */
    record WakeDue() implements Op {}
    /** Exports an account (F39) in pages of the given size and checks what it holds. */
    record Export(int account, int pageSize) implements Op {}
    /** Erasure of the number (F40), in batches of two messages. */
    record Erase(int account, int phone) implements Op {}
    /**
     * A consent reply beyond the exact keywords (F42, F44): a mandatory word in a short reply opts
     * out, a HELP request or a natural-language request (policy OFF) changes nothing.
     */
    record ConsentReply(int account, int phone, String text) implements Op {}
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
                net.jqwik.api.Tuple.of(2, labelOperations()),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone).as(AddNote::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone).as(BlockNumber::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone).as(UnblockNumber::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone, Arbitraries.integers().between(0, 5))
                        .as(Snooze::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone).as(Unsnooze::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new WakeDue())),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, Arbitraries.integers().between(1, 3))
                        .as(Export::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone).as(Erase::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, phone,
                        Arbitraries.of("STOP please", "Unsubscribe.", "HELP", "please stop texting me"))
                        .as(ConsentReply::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, Arbitraries.of(true, false))
                        .as(SetQuietHours::new)));
        return op.list().ofMinSize(1).ofMaxSize(50);
    }

    /** Labelling, unlabelling, renaming and deleting one of {@link #LABELS} labels per account (F35). */
    private static Arbitrary<Op> labelOperations() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Integer> phone = Arbitraries.integers().between(0, PHONES - 1);
        Arbitrary<Integer> label = Arbitraries.integers().between(0, LABELS - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(account, phone, label).as(LabelConversation::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(account, phone, label).as(UnlabelConversation::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, label).as(RenameLabel::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(account, label).as(DeleteLabel::new)));
    }

    /** The operations with erasures as common as sends (F40). */
    @Provide
    Arbitrary<List<Op>> erasing() {
        Arbitrary<Op> erase = Combinators.combine(Arbitraries.integers().between(0, ACCOUNTS - 1),
                Arbitraries.integers().between(0, PHONES - 1)).as(Erase::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, operations().flatMap(Arbitraries::of)),
                net.jqwik.api.Tuple.of(1, erase)).list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 40)
    @Label("F40 F11 erasures interleaved with inbound, sends, reads and closes follow the model: counters, badge, tabs, opt-outs")
    void erasuresFollowTheModel(@ForAll("erasing") List<Op> operations,
            @ForAll @IntRange(min = 1, max = 4) int pageSize) {
        sequentialSequencesFollowTheModel(operations, pageSize);
    }

    @Property(tries = 15)
    @Label("F40 F11 erasures concurrent with inbound, sends, reads and closes on real threads keep counters and badge exact")
    void concurrentErasuresKeepInvariants(@ForAll("erasing") List<Op> first, @ForAll("erasing") List<Op> second,
            @ForAll @IntRange(min = 1, max = 4) int pageSize) throws InterruptedException {
        concurrentSequencesKeepInvariants(first, second, List.of(), pageSize);
    }

    @Property(tries = 80)
    @Label("F2 F3 F6 F11 F18 F20 F32 F35 F36 F37 F38 F41 random sequences follow the model: states, snoozes, unread counts, badge, tabs, labels, notes, blocks")
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
    @Label("F11 F32 F33 F35 F36 F37 F38 concurrent sequences on real threads keep counters exact, pages whole and accounts apart")
    void concurrentSequencesKeepInvariants(@ForAll("operations") List<Op> first,
            @ForAll("operations") List<Op> second, @ForAll("operations") List<Op> third,
            @ForAll @IntRange(min = 1, max = 4) int pageSize) throws InterruptedException {
        World world = new World(newStore());
        List<List<Op>> lanes = List.of(first, second, third);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        boolean erasing = lanes.stream().flatMap(List::stream).anyMatch(Erase.class::isInstance);
        for (List<Op> lane : lanes) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (Op op : lane) {
                        try {
                            world.apply(op, null);
                        } catch (NoSuchConversationException | NoSuchMessageException erased) {
                            // another lane erased the conversation between this lane's look-up and
                            // its use (F40): the typed error is the right answer, and only then
                            if (!erasing) {
                                throw erased;
                            }
                        }
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
                    .filter(c -> c.state() == ConversationState.OPEN && !c.snoozed())
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
        /** Label "account/label" to the keys of the conversations that carry it (F35). */
        final Map<String, Set<String>> labelled = new HashMap<>();
        final Set<String> blocked = new HashSet<>();
        final Map<String, Integer> notes = new HashMap<>();
        /** F37: the snoozed conversations, with their wake time (empty until the contact replies). */
        final Map<String, Optional<Instant>> snoozed = new HashMap<>();

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
            kit = InboxKit.builder().store(store).clock(clock).erasureOptions(options -> options.erasureBatchSize(2)).build();
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

        /**
         * Exports an account in pages and checks it: oldest first, no message twice, only this
         * account's numbers; in a sequence, exactly the inbound messages the model counts and every
         * message of the account's threads.
         */
        void checkExport(Export e, Model model) {
            AccountId account = accounts.get(e.account());
            List<Message> exported = new ArrayList<>();
            kit.export().run(account, io.github.inboxkit.core.export.ExportRequest.builder()
                    .from(Instant.EPOCH).to(Instant.parse("2100-01-01T00:00:00Z")).pageSize(e.pageSize()).build(),
                    new io.github.inboxkit.core.export.ExportSink() {
                        @Override
                        public void write(io.github.inboxkit.core.export.ExportedMessage message) {
                            exported.add(message.message());
                        }

                        @Override
                        public void endPage(io.github.inboxkit.core.export.ExportProgress progress) {
                            assertThat(progress.messages()).isEqualTo(exported.size());
                        }
                    });
            assertThat(exported).isSortedAccordingTo(
                    java.util.Comparator.comparing(Message::createdAt).thenComparing(Message::id));
            assertThat(exported).extracting(Message::id).doesNotHaveDuplicates();
            List<String> numbers = java.util.stream.IntStream.range(0, PHONES).mapToObj(this::phone).toList();
            assertThat(exported).allSatisfy(message -> assertThat(numbers).contains(message.contactPhone().e164()));
            if (model != null) {
                long inbound = model.inboundRead.entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith(e.account() + "/"))
                        .mapToLong(entry -> entry.getValue().size()).sum();
                assertThat(exported.stream().filter(message -> message.direction() == Direction.INBOUND).count())
                        .isEqualTo(inbound);
                List<Message> threads = new ArrayList<>();
                for (int phone = 0; phone < PHONES; phone++) {
                    conversation(e.account(), phone).ifPresent(id -> threads.addAll(
                            kit.conversations().messages(account, id, 500)));
                }
                assertThat(exported).containsExactlyInAnyOrderElementsOf(threads);
            }
        }

        void apply(Op op, Model model) {
            if (applyLabels(op, model)) {
                return;
            }
            if (op instanceof Receive r) {
                String key = Model.key(r.account(), r.phone());
                // a repeated id re-delivers the number's first message: a no-op (F32)
                String carrierId = r.repeatCarrierId()
                        ? "first-" + run + "-" + key
                        : "c-" + UUID.randomUUID();
                boolean repeat = r.repeatCarrierId() && model != null && model.firstCarrierId.containsKey(key);
                try {
                    kit.ingestion().receive(accounts.get(r.account()), IncomingMessage.builder()
                            .carrierMessageId(carrierId).contactNumber(phone(r.phone())).accountNumber("+33700000001").text(r.text()).build());
                    assertThat(model == null || repeat || !model.blocked.contains(key)).as("delivered while blocked").isTrue();
                } catch (InboundBlockedException turnedAway) {
                    // F38: only the blocked log moved; a repeat of a message stored before the block is no exception
                    assertThat(model == null || (model.blocked.contains(key) && !repeat)).as("turned away").isTrue();
                    return;
                }
                if (model != null && !repeat) {
                    if (r.repeatCarrierId()) {
                        model.firstCarrierId.put(key, carrierId);
                    }
                    model.activity(key);
                    model.inboundRead.get(key).add(false);
                    model.snoozed.remove(key); // the contact's message wakes a snooze (F37)
                    if (r.text().equals("STOP")) {
                        model.optedOut.add(key);
                    } else if (r.text().equals("start")) {
                        model.optedOut.remove(key);
                    }
                }
            } else if (op instanceof ConsentReply c) {
                String key = Model.key(c.account(), c.phone());
                try {
                    kit.ingestion().receive(accounts.get(c.account()), IncomingMessage.builder()
                            .carrierMessageId("c-" + UUID.randomUUID()).contactNumber(phone(c.phone()))
                            .accountNumber("+33700000001").text(c.text()).build());
                    assertThat(model == null || !model.blocked.contains(key)).as("delivered while blocked").isTrue();
                } catch (InboundBlockedException turnedAway) {
                    // F38: a blocked number's words change nothing, not even its consent
                    assertThat(model == null || model.blocked.contains(key)).as("turned away").isTrue();
                    return;
                }
                if (model != null) {
                    model.activity(key);
                    model.inboundRead.get(key).add(false);
                    model.snoozed.remove(key); // the contact's message wakes a snooze (F37)
                    if (c.text().startsWith("STOP") || c.text().startsWith("Unsubscribe")) {
                        model.optedOut.add(key);
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
                    } else if (model.blocked.contains(key)) {
                        assertThatThrownBy(() -> kit.conversations().recordOutbound(accounts.get(s.account()), message))
                                .isInstanceOf(ContactBlockedException.class);
                    } else {
                        kit.conversations().recordOutbound(accounts.get(s.account()), message);
                        model.activity(key);
                    }
                } else {
                    try {
                        kit.conversations().recordOutbound(accounts.get(s.account()), message);
                    } catch (ContactOptedOutException | ContactBlockedException expected) {
                        // another thread's STOP or block won
                    }
                }
            } else if (op instanceof Export e) {
                checkExport(e, model);
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
                        model.snoozed.remove(Model.key(c.account(), c.phone()));
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
                            && !model.snoozed.containsKey(key)
                            && model.inboundRead.get(key).stream().allMatch(read -> read)
                            ? ConversationState.CLOSED : state);
                }
            } else if (op instanceof Advance a) {
                clock.advance(Duration.ofSeconds(a.seconds()));
            } else if (op instanceof AddNote n) {
                conversation(n.account(), n.phone()).ifPresent(id -> {
                    kit.conversations().addNote(accounts.get(n.account()), id, user, "@AS call back");
                    if (model != null) {
                        model.notes.merge(Model.key(n.account(), n.phone()), 1, Integer::sum);
                    }
                });
            } else if (op instanceof BlockNumber b) {
                kit.blocking().block(accounts.get(b.account()), phone(b.phone()), "property", user);
                if (model != null) {
                    model.blocked.add(Model.key(b.account(), b.phone()));
                }
            } else if (op instanceof UnblockNumber u) {
                kit.blocking().unblock(accounts.get(u.account()), phone(u.phone()), user);
                if (model != null) {
                    model.blocked.remove(Model.key(u.account(), u.phone()));
                }
            } else if (op instanceof Snooze z) {
                snooze(z, model);
            } else if (op instanceof Unsnooze u) {
                conversation(u.account(), u.phone()).ifPresent(id -> {
                    kit.snoozes().unsnooze(accounts.get(u.account()), id);
                    if (model != null) {
                        model.snoozed.remove(Model.key(u.account(), u.phone()));
                    }
                });
            } else if (op instanceof WakeDue) {
                kit.snoozes().wakeDue();
                if (model != null) {
                    Instant now = clock.instant();
                    model.snoozed.entrySet().removeIf(entry -> {
                        boolean due = entry.getValue().filter(until -> !until.isAfter(now)).isPresent();
                        List<Boolean> reads = model.inboundRead.get(entry.getKey());
                        if (due && !reads.isEmpty()) {
                            reads.set(reads.size() - 1, false); // marked unread for the assignee
                        }
                        return due;
                    });
                }
            } else if (op instanceof Erase e) {
                erase(e, model);
            } else if (op instanceof SetQuietHours q) {
                AccountId id = accounts.get(q.account());
                kit.administration().updateSettings(id, io.github.inboxkit.core.account.ImmutableAccountSettings
                        .copyOf(kit.administration().account(id).settings()).withQuietHours(q.federal()
                                ? io.github.inboxkit.core.compliance.QuietHoursPolicy.federal()
                                : io.github.inboxkit.core.compliance.QuietHoursPolicy.off()));
                if (model != null) {
                    // alone, the setting reads back; on concurrent lanes another one may set it in between
                    assertThat(kit.administration().account(id).settings().quietHours().isOff()).isEqualTo(!q.federal());
                }
            }
        }

        /** Erases a number (F40): its thread goes, its opt-out state stays. */
        void erase(Erase e, Model model) {
            ErasureRequest request = ErasureRequest.number(new PhoneNumber(phone(e.phone())), ErasureActor.user(user));
            try {
                kit.erasure().erase(accounts.get(e.account()), request);
            } catch (ErasureIncompleteException stillWriting) {
                // only when other threads keep writing to the number; what committed is erased
                assertThat(model).as("an erasure with nobody else writing finishes").isNull();
            }
            if (model != null) {
                String key = Model.key(e.account(), e.phone());
                model.states.remove(key);
                model.inboundRead.remove(key);
                // the first message went too: its carrier id is new again
                model.firstCarrierId.remove(key);
                // what hangs on the thread goes with it: its notes, its snooze, its labels
                model.notes.remove(key);
                model.snoozed.remove(key);
                model.labelled.values().forEach(keys -> keys.remove(key));
            }
        }

        /** F37: snoozes an open conversation; a closed one is refused. */
        private void snooze(Snooze z, Model model) {
            conversation(z.account(), z.phone()).ifPresent(id -> {
                String key = Model.key(z.account(), z.phone());
                Optional<Instant> until = z.seconds() == 0 ? Optional.empty()
                        : Optional.of(clock.instant().plusSeconds(z.seconds()));
                SnoozeUntil snoozeUntil = until.map(at -> SnoozeUntil.time(at.atZone(ZoneOffset.UTC)))
                        .orElse(SnoozeUntil.contactReplies());
                AccountId account = accounts.get(z.account());
                if (model == null) {
                    try {
                        kit.snoozes().snooze(account, id, snoozeUntil);
                    } catch (ConversationNotOpenException expected) {
                        // another thread closed it
                    } catch (SnoozeTimeInPastException late) {
                        // another thread moved the clock past the chosen time after it was chosen:
                        // the typed refusal is the right answer, and only then
                        if (until.isEmpty() || until.get().isAfter(clock.instant())) {
                            throw late;
                        }
                    }
                } else if (model.states.get(key) == ConversationState.CLOSED) {
                    assertThatThrownBy(() -> kit.snoozes().snooze(account, id, snoozeUntil))
                            .isInstanceOf(ConversationNotOpenException.class);
                } else {
                    kit.snoozes().snooze(account, id, snoozeUntil);
                    model.snoozed.put(key, until);
                }
            });
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
                    // F36: the thread is the messages with the notes between them, nothing else
                    assertThat(kit.conversations().thread(account, conversation.id(), 500).stream()
                            .filter(ThreadEntry.MessageEntry.class::isInstance)
                            .map(entry -> ((ThreadEntry.MessageEntry) entry).message()).toList())
                            .as("messages of the thread").isEqualTo(messages);
                    unreadConversations += conversation.unreadCount() > 0 ? 1 : 0;
                }
                InboxCounters counters = kit.inbox().counters(account);
                assertThat(counters.badge()).as("badge").isEqualTo(unreadConversations);
                for (ConversationState tab : ConversationState.values()) {
                    List<ConversationId> expected = inListingOrder(conversations, c -> c.state() == tab);
                    // F37: the open tab without its snoozed conversations, which the snoozed view lists
                    List<ConversationId> snoozed = inListingOrder(conversations, Conversation::snoozed);
                    assertThat(walk(account, tab, false, pageSize)).as("pages of " + tab)
                            .containsExactlyElementsOf(expected.stream().filter(id -> !snoozed.contains(id)).toList());
                    assertThat(tab == ConversationState.OPEN ? counters.openConversations() : counters.closedConversations())
                            .as("count of " + tab).isEqualTo(expected.size());
                    if (tab == ConversationState.OPEN) {
                        assertThat(walk(account, tab, true, pageSize)).as("pages of the snoozed view")
                                .containsExactlyElementsOf(snoozed);
                    }
                }
                checkLabels(account, conversations, pageSize);
                AccountId otherAccount = accounts.get((a + 1) % ACCOUNTS);
                for (Conversation conversation : conversations) {
                    assertThatThrownBy(() -> kit.conversations().get(otherAccount, conversation.id()))
                            .isInstanceOf(NoSuchConversationException.class);
                }
            }
        }

        List<ConversationId> inListingOrder(List<Conversation> conversations, Predicate<Conversation> filter) {
            return conversations.stream().filter(filter)
                    .sorted(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id).reversed())
                    .map(Conversation::id).toList();
        }

        void checkAgainst(Model model) {
            checkLabelsAgainst(model);
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
                        assertThat(kit.conversations().thread(accounts.get(a), id.get(), 500).stream()
                                .filter(ThreadEntry.NoteEntry.class::isInstance).count())
                                .as("notes of " + key).isEqualTo(model.notes.getOrDefault(key, 0).longValue());
                        assertThat(conversation.snoozed()).as("snoozed " + key).isEqualTo(model.snoozed.containsKey(key));
                        assertThat(conversation.snoozedUntil()).as("wake time of " + key)
                                .isEqualTo(model.snoozed.getOrDefault(key, Optional.empty()));
                    }
                    assertThat(kit.contacts().isOptedOut(accounts.get(a), new PhoneNumber(phone(p))))
                            .as("opted out " + key).isEqualTo(model.optedOut.contains(key));
                    assertThat(kit.blocking().find(accounts.get(a), phone(p)).isPresent())
                            .as("blocked " + key).isEqualTo(model.blocked.contains(key));
                }
            }
        }

        // ----- labels (F35) -----

        /** The labels' current ids by "account/label"; a deleted one is made again on next use. */
        final Map<String, LabelId> labelIds = new HashMap<>();

        /** The label's id, made with the name "Label i" (in any case) if the account has none. */
        synchronized LabelId labelId(int account, int label) {
            return labelIds.computeIfAbsent(Model.key(account, label), key -> {
                String name = "Label " + label;
                return kit.labels().list(accounts.get(account)).stream()
                        .filter(existing -> existing.nameKey().equals(io.github.inboxkit.core.label.Label.nameKeyOf(name)))
                        .findFirst()
                        .orElseGet(() -> {
                            try {
                                return kit.labels().create(accounts.get(account), name);
                            } catch (LabelNameTakenException e) {
                                return kit.labels().get(accounts.get(account), e.existing());
                            }
                        })
                        .id();
            });
        }

        /** Runs a label operation; false for any other. Concurrent lanes may find a label deleted. */
        boolean applyLabels(Op op, Model model) {
            if (!(op instanceof LabelConversation || op instanceof UnlabelConversation || op instanceof RenameLabel
                    || op instanceof DeleteLabel)) {
                return false;
            }
            try {
                labelOperation(op, model);
            } catch (NoSuchLabelException e) {
                if (model != null) {
                    throw e;
                }
                // another lane deleted it: forget the id, so that the next use makes the label again
                synchronized (this) {
                    labelIds.values().remove(e.label());
                }
            }
            return true;
        }

        private void labelOperation(Op op, Model model) {
            if (op instanceof LabelConversation l) {
                conversation(l.account(), l.phone()).ifPresent(id -> {
                    kit.labels().label(accounts.get(l.account()), labelId(l.account(), l.label()), List.of(id));
                    if (model != null) {
                        model.labelled.computeIfAbsent(Model.key(l.account(), l.label()), k -> new HashSet<>())
                                .add(Model.key(l.account(), l.phone()));
                    }
                });
            } else if (op instanceof UnlabelConversation u) {
                conversation(u.account(), u.phone()).ifPresent(id -> {
                    kit.labels().unlabel(accounts.get(u.account()), labelId(u.account(), u.label()), List.of(id));
                    if (model != null) {
                        model.labelled.getOrDefault(Model.key(u.account(), u.label()), new HashSet<>())
                                .remove(Model.key(u.account(), u.phone()));
                    }
                });
            } else if (op instanceof RenameLabel r) {
                // a rename that changes only the case of the label's own name
                LabelId id = labelId(r.account(), r.label());
                String name = kit.labels().get(accounts.get(r.account()), id).name();
                String other = name.equals("Label " + r.label()) ? "LABEL " + r.label() : "Label " + r.label();
                kit.labels().rename(accounts.get(r.account()), id, other);
            } else if (op instanceof DeleteLabel d) {
                LabelId id = labelId(d.account(), d.label());
                kit.labels().delete(accounts.get(d.account()), id);
                synchronized (this) {
                    labelIds.values().remove(id);
                }
                if (model != null) {
                    model.labelled.remove(Model.key(d.account(), d.label()));
                }
            }
        }

        /**
         * Every conversation's labels are labels of its account, and each label's pages in each tab
         * list exactly the conversations of that tab that carry it, in the inbox's order.
         */
        void checkLabels(AccountId account, List<Conversation> conversations, int pageSize) {
            List<io.github.inboxkit.core.label.Label> labels = kit.labels().list(account);
            Map<ConversationId, List<io.github.inboxkit.core.label.Label>> carried = new HashMap<>();
            for (Conversation conversation : conversations) {
                List<io.github.inboxkit.core.label.Label> of = kit.labels().labelsOf(account, conversation.id());
                assertThat(labels).as("no dangling label").containsAll(of);
                carried.put(conversation.id(), of);
            }
            for (io.github.inboxkit.core.label.Label label : labels) {
                for (ConversationState tab : ConversationState.values()) {
                    List<ConversationId> expected = conversations.stream()
                            // the open tab leaves its snoozed conversations to the snoozed view (F37)
                            .filter(c -> c.state() == tab && !c.snoozed() && carried.get(c.id()).contains(label))
                            .sorted(Comparator.comparing(Conversation::lastActivityAt).thenComparing(Conversation::id)
                                    .reversed())
                            .map(Conversation::id).toList();
                    List<ConversationId> walked = new ArrayList<>();
                    Optional<InboxCursor> after = Optional.empty();
                    do {
                        InboxPage page = kit.inbox().list(account, InboxQuery.builder().tab(tab).label(label.id())
                                .limit(pageSize).after(after).build());
                        page.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
                        after = page.next();
                    } while (after.isPresent());
                    assertThat(walked).as("pages of " + tab + " with " + label.name()).containsExactlyElementsOf(expected);
                }
            }
        }

        /** Each label carries exactly the conversations the model put it on. */
        void checkLabelsAgainst(Model model) {
            for (int a = 0; a < ACCOUNTS; a++) {
                for (int l = 0; l < LABELS; l++) {
                    LabelId id = labelIds.get(Model.key(a, l));
                    Set<String> expected = model.labelled.getOrDefault(Model.key(a, l), Set.of());
                    if (id == null) {
                        assertThat(expected).as("label " + Model.key(a, l)).isEmpty();
                        continue;
                    }
                    Set<String> actual = new HashSet<>();
                    for (int p = 0; p < PHONES; p++) {
                        int phone = p;
                        int account = a;
                        conversation(a, p).filter(conversation -> kit.labels().labelsOf(accounts.get(account), conversation)
                                .stream().anyMatch(label -> label.id().equals(id)))
                                .ifPresent(conversation -> actual.add(Model.key(account, phone)));
                    }
                    assertThat(actual).as("conversations with label " + Model.key(a, l)).isEqualTo(expected);
                }
            }
        }

        List<ConversationId> walk(AccountId account, ConversationState tab, boolean snoozed, int pageSize) {
            List<ConversationId> walked = new ArrayList<>();
            Optional<InboxCursor> after = Optional.empty();
            do {
                InboxPage page = kit.inbox().list(account, InboxQuery.builder().tab(tab).snoozed(snoozed)
                        .limit(pageSize).after(after).build());
                page.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
                after = page.next();
            } while (after.isPresent());
            return walked;
        }
    }
}
