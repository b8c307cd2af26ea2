package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.Conversation;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxCounters;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.snooze.ConversationNotOpenException;
import io.github.inboxkit.core.snooze.SnoozeTimeInPastException;
import io.github.inboxkit.core.snooze.SnoozeUntil;
import io.github.inboxkit.core.snooze.WakeReason;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: snooze (F37): the snoozed view, waking by time (across the 2027 daylight-saving changes
 * of New York), by the contact's reply and by hand, bulk snooze, typed errors, counters, events after
 * commit, tenancy, and one wake across two nodes.
 *
 * <p>The waker works across every account of the store, and stores are shared by test classes:
 * assertions look only at this test's account.
 */
public abstract class SnoozeContract extends StoreContractSupport {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /**
     * A second node on the same database, with its own connections; the in-memory store is its own.
     *
     * @return the store of a second node
     */
    protected InboxStore secondNode() {
        return store;
    }

    private SnoozeUntil inHours(long hours) {
        return SnoozeUntil.time(clock.instant().plus(Duration.ofHours(hours)).atZone(NEW_YORK));
    }

    private List<ConversationId> listed(AccountId in, InboxQuery query) {
        return kit.inbox().list(in, query).rows().stream().map(InboxRow::conversationId).toList();
    }

    private <E extends InboxEvent> List<E> eventsIn(AccountId in, Class<E> type) {
        return eventsOf(type).stream().filter(event -> event.account().equals(in)).toList();
    }

    private void moveClockTo(Instant target) {
        advance(Duration.between(clock.instant(), target));
    }

    @Test
    @DisplayName("F37 a snoozed conversation leaves the open tab for the snoozed view; counters do not move")
    void snoozedView() {
        ConversationId snoozed = idOf(receive(phone(1), "a"));
        ConversationId open = idOf(receive(phone(2), "b"));
        InboxCounters before = kit.inbox().counters(account);

        Conversation result = kit.snoozes().snooze(account, snoozed, inHours(3));

        assertThat(result.snoozed()).isTrue();
        assertThat(result.snoozedUntil()).contains(clock.instant().plus(Duration.ofHours(3)));
        assertThat(kit.conversations().get(account, snoozed)).isEqualTo(result);
        assertThat(listed(account, InboxQuery.openTab())).containsExactly(open);
        assertThat(listed(account, InboxQuery.snoozedView())).containsExactly(snoozed);
        assertThat(kit.inbox().list(account, InboxQuery.snoozedView()).rows()).singleElement()
                .satisfies(row -> assertThat(row.snoozedUntil()).isEqualTo(result.snoozedUntil()));
        assertThat(kit.inbox().counters(account)).isEqualTo(before);
        assertThat(eventsIn(account, InboxEvent.ConversationSnoozed.class)).singleElement().satisfies(event -> {
            assertThat(event.conversation()).isEqualTo(snoozed);
            assertThat(event.until()).isEqualTo(result.snoozedUntil());
        });
    }

    @Test
    @DisplayName("F37 the snoozed view pages with a cursor and honours the inbox filters")
    void snoozedViewPages() {
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(idOf(receive(phone(10 + i), "m" + i)));
            advance(Duration.ofSeconds(1));
        }
        kit.snoozes().snoozeAll(account, ids.subList(0, 4), SnoozeUntil.contactReplies());
        kit.conversations().markRead(account, ids.get(0));

        InboxPage first = kit.inbox().list(account, InboxQuery.builder().snoozed(true).limit(3).build());
        InboxPage second = kit.inbox().list(account, InboxQuery.builder().snoozed(true).limit(3)
                .after(first.next().orElseThrow()).build());

        assertThat(first.rows()).extracting(InboxRow::conversationId).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(second.rows()).extracting(InboxRow::conversationId).containsExactly(ids.get(0));
        assertThat(second.next()).isEmpty();
        assertThat(listed(account, InboxQuery.builder().snoozed(true)
                .readFilter(io.github.inboxkit.core.inbox.ReadFilter.READ).build())).containsExactly(ids.get(0));
        assertThat(listed(account, InboxQuery.openTab())).containsExactly(ids.get(4));
    }

    @Test
    @DisplayName("F37 a due snooze wakes into the open tab, marked unread for its assignee, with an event")
    void wakesAtItsTime() {
        ConversationId id = idOf(receive(phone(1), "hello"));
        send(phone(1), "we'll get back to you");
        kit.team().assign(account, id, alice, alice);
        kit.conversations().markRead(account, id);
        kit.snoozes().snooze(account, id, inHours(2));
        events.clear();

        advance(Duration.ofHours(2).minusSeconds(1));
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, id).snoozed()).isTrue();
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).isEmpty();

        advance(Duration.ofSeconds(1));
        kit.snoozes().wakeDue();

        Conversation woken = kit.conversations().get(account, id);
        assertThat(woken.snoozed()).isFalse();
        assertThat(woken.snoozedUntil()).isEmpty();
        assertThat(woken.unreadCount()).isEqualTo(1);
        assertThat(kit.conversations().messages(account, id, 10)).filteredOn(m -> !m.read())
                .extracting(Message::text).containsExactly("hello");
        assertThat(listed(account, InboxQuery.openTab())).containsExactly(id);
        assertThat(listed(account, InboxQuery.snoozedView())).isEmpty();
        assertThat(badge()).isEqualTo(1);
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).singleElement().satisfies(event -> {
            assertThat(event.conversation()).isEqualTo(id);
            assertThat(event.reason()).isEqualTo(WakeReason.TIME_REACHED);
            assertThat(event.occurredAt()).isEqualTo(clock.instant());
        });
        assertThat(eventsIn(account, InboxEvent.UnreadCountChanged.class)).singleElement()
                .satisfies(event -> assertThat(event.badge()).isEqualTo(1));

        kit.snoozes().wakeDue();
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).hasSize(1);
    }

    @Test
    @DisplayName("F37 a snooze with no inbound message wakes without marking anything unread")
    void wakesWithoutInbound() {
        ConversationId id = send(phone(1), "outbound only").conversationId();
        kit.snoozes().snooze(account, id, inHours(1));
        advance(Duration.ofHours(1));

        kit.snoozes().wakeDue();

        assertThat(kit.conversations().get(account, id).snoozed()).isFalse();
        assertThat(kit.conversations().get(account, id).unreadCount()).isZero();
        assertThat(badge()).isZero();
    }

    @Test
    @DisplayName("F37 a local time in New York's spring-forward gap (02:30, 14 March 2027) wakes at 03:30 EDT")
    void dstGap() {
        moveClockTo(Instant.parse("2027-03-13T12:00:00Z"));
        ConversationId id = idOf(receive(phone(1), "a"));
        kit.conversations().markRead(account, id);

        Conversation snoozed = kit.snoozes().snooze(account, id,
                SnoozeUntil.time(LocalDateTime.of(2027, 3, 14, 2, 30), NEW_YORK));

        Instant expected = Instant.parse("2027-03-14T07:30:00Z"); // 03:30 EDT (UTC-4)
        assertThat(snoozed.snoozedUntil()).contains(expected);
        moveClockTo(expected.minusSeconds(1));
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, id).snoozed()).isTrue();
        moveClockTo(expected);
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, id).snoozed()).isFalse();
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).singleElement()
                .satisfies(event -> assertThat(event.occurredAt()).isEqualTo(expected));
    }

    @Test
    @DisplayName("F37 a local time in New York's fall-back overlap (01:30, 7 November 2027) wakes at the earlier one, EDT")
    void dstOverlap() {
        moveClockTo(Instant.parse("2027-11-06T12:00:00Z"));
        ConversationId id = idOf(receive(phone(1), "a"));

        Conversation snoozed = kit.snoozes().snooze(account, id,
                SnoozeUntil.time(LocalDateTime.of(2027, 11, 7, 1, 30), NEW_YORK));

        Instant expected = Instant.parse("2027-11-07T05:30:00Z"); // 01:30 EDT (UTC-4), not 01:30 EST
        assertThat(snoozed.snoozedUntil()).contains(expected);
        moveClockTo(expected.minusMillis(1));
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, id).snoozed()).isTrue();
        moveClockTo(expected);
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, id).snoozed()).isFalse();
    }

    @Test
    @DisplayName("F37 the contact's reply wakes a snoozed conversation at once, with an event")
    void replyWakes() {
        ConversationId untilTime = idOf(receive(phone(1), "a"));
        ConversationId untilReply = idOf(receive(phone(2), "b"));
        kit.inbox().markAllRead(account);
        kit.snoozes().snooze(account, untilTime, inHours(24));
        kit.snoozes().snooze(account, untilReply, SnoozeUntil.contactReplies());
        events.clear();

        receive(phone(1), "any news?");
        receive(phone(2), "hello again");

        assertThat(kit.conversations().get(account, untilTime).snoozed()).isFalse();
        assertThat(kit.conversations().get(account, untilReply).snoozed()).isFalse();
        assertThat(listed(account, InboxQuery.openTab())).containsExactlyInAnyOrder(untilTime, untilReply);
        assertThat(listed(account, InboxQuery.snoozedView())).isEmpty();
        assertThat(badge()).isEqualTo(2);
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class))
                .extracting(InboxEvent.ConversationWoke::conversation, InboxEvent.ConversationWoke::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(untilTime, WakeReason.CONTACT_REPLIED),
                        org.assertj.core.groups.Tuple.tuple(untilReply, WakeReason.CONTACT_REPLIED));
        // woken by the reply, the time-based snooze does not wake a second time
        advance(Duration.ofHours(25));
        kit.snoozes().wakeDue();
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).hasSize(2);
    }

    @Test
    @DisplayName("F37 sending to a snoozed conversation leaves it snoozed")
    void sendingKeepsSnooze() {
        ConversationId id = idOf(receive(phone(1), "a"));
        kit.snoozes().snooze(account, id, SnoozeUntil.contactReplies());

        send(phone(1), "reminder");

        assertThat(kit.conversations().get(account, id).snoozed()).isTrue();
        assertThat(listed(account, InboxQuery.snoozedView())).containsExactly(id);
    }

    @Test
    @DisplayName("F37 bulk snooze snoozes many conversations in one transaction, all or none")
    void bulk() {
        ConversationId a = idOf(receive(phone(1), "a"));
        ConversationId b = idOf(receive(phone(2), "b"));
        ConversationId c = idOf(receive(phone(3), "c"));
        kit.conversations().close(account, c);
        events.clear();

        assertThatThrownBy(() -> kit.snoozes().snoozeAll(account, List.of(a, b, c), inHours(1)))
                .isInstanceOfSatisfying(ConversationNotOpenException.class, e -> {
                    assertThat(e.conversation()).isEqualTo(c);
                    assertThat(e.state()).isEqualTo(ConversationState.CLOSED);
                    assertThat(e.getMessage()).contains("Reopen");
                });
        assertThat(listed(account, InboxQuery.snoozedView())).isEmpty();
        assertThat(events).isEmpty();

        List<Conversation> snoozed = kit.snoozes().snoozeAll(account, List.of(b, a, b), inHours(1));

        assertThat(snoozed).extracting(Conversation::id).containsExactly(b, a);
        assertThat(listed(account, InboxQuery.snoozedView())).containsExactlyInAnyOrder(a, b);
        assertThat(eventsIn(account, InboxEvent.ConversationSnoozed.class)).hasSize(2);
    }

    @Test
    @DisplayName("F37 bad snoozes are refused with typed errors and change nothing")
    void refusals() {
        ConversationId id = idOf(receive(phone(1), "a"));
        ZonedDateTime past = clock.instant().minusSeconds(60).atZone(NEW_YORK);

        assertThatThrownBy(() -> kit.snoozes().snooze(account, id, SnoozeUntil.time(past)))
                .isInstanceOfSatisfying(SnoozeTimeInPastException.class, e -> {
                    assertThat(e.requested()).isEqualTo(past);
                    assertThat(e.now()).isEqualTo(clock.instant());
                });
        assertThatThrownBy(() -> kit.snoozes().snooze(account, id,
                SnoozeUntil.time(clock.instant().atZone(NEW_YORK))))
                .isInstanceOf(SnoozeTimeInPastException.class);
        assertThatThrownBy(() -> kit.snoozes().snoozeAll(account, List.of(), inHours(1)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("conversations"));
        assertThatThrownBy(() -> kit.snoozes().snooze(account, ConversationId.random(), inHours(1)))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.snoozes().snooze(account, id, null))
                .isInstanceOf(MissingValueException.class);
        assertThatThrownBy(() -> InboxQuery.builder().tab(ConversationState.CLOSED).snoozed(true).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("snoozed"));
        assertThat(kit.conversations().get(account, id).snoozed()).isFalse();
    }

    @Test
    @DisplayName("F37 unsnooze ends a snooze now without marking anything unread; closing ends it too")
    void unsnoozeAndClose() {
        ConversationId a = idOf(receive(phone(1), "a"));
        ConversationId b = idOf(receive(phone(2), "b"));
        kit.inbox().markAllRead(account);
        kit.snoozes().snoozeAll(account, List.of(a, b), inHours(5));
        events.clear();

        Conversation awake = kit.snoozes().unsnooze(account, a);
        Conversation closed = kit.conversations().close(account, b);

        assertThat(awake.snoozed()).isFalse();
        assertThat(awake.unreadCount()).isZero();
        assertThat(closed.snoozed()).isFalse();
        assertThat(closed.snoozedUntil()).isEmpty();
        assertThat(kit.snoozes().unsnooze(account, a)).isEqualTo(awake);
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).singleElement()
                .satisfies(event -> assertThat(event.reason()).isEqualTo(WakeReason.UNSNOOZED));
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(1, 1, 0));
        advance(Duration.ofHours(6));
        kit.snoozes().wakeDue();
        assertThat(kit.conversations().get(account, b).state()).isEqualTo(ConversationState.CLOSED);
        assertThat(eventsIn(account, InboxEvent.ConversationWoke.class)).hasSize(1);
        assertThatThrownBy(() -> kit.snoozes().snooze(account, b, inHours(1)))
                .isInstanceOf(ConversationNotOpenException.class);
    }

    @Test
    @DisplayName("F37 mark all read reaches snoozed conversations; close all read leaves them alone")
    void bulkInboxActions() {
        ConversationId snoozed = idOf(receive(phone(1), "a"));
        ConversationId open = idOf(receive(phone(2), "b"));
        kit.snoozes().snooze(account, snoozed, SnoozeUntil.contactReplies());

        assertThat(kit.inbox().markAllRead(account, InboxQuery.snoozedView())).isEqualTo(1);
        assertThat(kit.conversations().get(account, open).unreadCount()).isEqualTo(1);
        assertThat(kit.inbox().markAllRead(account)).isEqualTo(1);
        assertThat(badge()).isZero();
        assertThat(kit.inbox().closeAllRead(account)).isEqualTo(1);
        assertThat(kit.conversations().get(account, snoozed).state()).isEqualTo(ConversationState.OPEN);
        assertThat(kit.conversations().get(account, open).state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    @DisplayName("F37 events follow the commit: a listener reads the snooze and the wake it is told of")
    void eventsAfterCommit() {
        List<String> seen = new CopyOnWriteArrayList<>();
        InboxKit[] watcher = new InboxKit[1];
        watcher[0] = InboxKit.builder().store(store).clock(clock).eventListener(event -> {
            if (!event.account().equals(account)) {
                return; // the waker also wakes what other tests of a shared store left due
            }
            if (event instanceof InboxEvent.ConversationSnoozed snoozed) {
                seen.add("snoozed " + watcher[0].conversations().get(snoozed.account(), snoozed.conversation()).snoozed());
            } else if (event instanceof InboxEvent.ConversationWoke woke) {
                seen.add("woke " + watcher[0].conversations().get(woke.account(), woke.conversation()).snoozed());
            }
        }).build();
        ConversationId id = idOf(receive(phone(1), "a"));

        watcher[0].snoozes().snooze(account, id, inHours(1));
        advance(Duration.ofHours(1));
        watcher[0].snoozes().wakeDue();

        assertThat(seen).containsExactly("snoozed true", "woke false");
    }

    @Test
    @DisplayName("F37 tenancy: another account can neither see nor touch a snooze")
    void tenancy() {
        ConversationId id = idOf(receive(phone(1), "a"));
        kit.snoozes().snooze(account, id, inHours(1));
        AccountId other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        ConversationId theirs = idOf(receive(other, phone(1), "same number, other account", "c-" + id));

        assertThat(listed(other, InboxQuery.snoozedView())).isEmpty();
        assertThatThrownBy(() -> kit.snoozes().unsnooze(other, id)).isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.snoozes().snooze(other, id, inHours(2)))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> kit.snoozes().snoozeAll(other, List.of(theirs, id), inHours(2)))
                .isInstanceOf(NoSuchConversationException.class);
        assertThat(kit.conversations().get(other, theirs).snoozed()).isFalse();
        assertThat(kit.conversations().get(account, id).snoozedUntil())
                .contains(clock.instant().plus(Duration.ofHours(1)));
        assertThat(listed(account, InboxQuery.snoozedView())).containsExactly(id);
    }

    @Test
    @DisplayName("F37 two nodes waking at once wake each due snooze exactly once")
    void wakesOnceAcrossNodes() throws Exception {
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(idOf(receive(phone(100 + i), "m" + i)));
        }
        kit.snoozes().snoozeAll(account, ids, inHours(1));
        advance(Duration.ofHours(1));
        List<InboxEvent> firstEvents = new CopyOnWriteArrayList<>();
        List<InboxEvent> secondEvents = new CopyOnWriteArrayList<>();
        InboxKit first = InboxKit.builder().store(store).clock(clock).eventListener(firstEvents::add).build();
        InboxKit second = InboxKit.builder().store(secondNode()).clock(clock).eventListener(secondEvents::add).build();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> {
                start.await();
                return first.snoozes().wakeDue();
            });
            Future<?> b = pool.submit(() -> {
                start.await();
                return second.snoozes().wakeDue();
            });
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<ConversationId> woken = new ArrayList<>();
        for (List<InboxEvent> node : List.of(firstEvents, secondEvents)) {
            node.stream().filter(InboxEvent.ConversationWoke.class::isInstance)
                    .map(InboxEvent.ConversationWoke.class::cast)
                    .filter(event -> event.account().equals(account))
                    .forEach(event -> woken.add(event.conversation()));
        }
        assertThat(woken).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(listed(account, InboxQuery.snoozedView())).isEmpty();
        assertThat(kit.inbox().counters(account)).isEqualTo(new InboxCounters(40, 0, 40));
    }
}
