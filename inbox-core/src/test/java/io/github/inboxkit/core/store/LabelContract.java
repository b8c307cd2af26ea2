package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.account.NoSuchAccountException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.ConversationState;
import io.github.inboxkit.core.conversation.NoSuchConversationException;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.AssignmentFilter;
import io.github.inboxkit.core.inbox.InboxCursor;
import io.github.inboxkit.core.inbox.InboxPage;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.inbox.InboxRow;
import io.github.inboxkit.core.inbox.ReadFilter;
import io.github.inboxkit.core.label.Label;
import io.github.inboxkit.core.label.LabelColour;
import io.github.inboxkit.core.label.LabelId;
import io.github.inboxkit.core.label.LabelNameTakenException;
import io.github.inboxkit.core.label.Labels;
import io.github.inboxkit.core.label.NoSuchLabelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Contract: labels (F35) on every store: names unique per account regardless of case, bulk label
 * and unlabel in one transaction, the inbox filter by label as a keyset page combined with the other
 * filters, no dangling reference after a rename, a delete or a purge, events after commit only, and
 * accounts kept apart (F33).
 */
public abstract class LabelContract extends StoreContractSupport {

    private Labels labels() {
        return kit.labels();
    }

    private List<ConversationId> conversations(int count) {
        List<ConversationId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(idOf(receive(phone(i), "hello " + i)));
            advance(Duration.ofSeconds(1));
        }
        return ids;
    }

    private List<ConversationId> walk(InboxQuery first) {
        List<ConversationId> walked = new ArrayList<>();
        Optional<InboxCursor> after = Optional.empty();
        do {
            InboxPage page = kit.inbox().list(account, InboxQuery.builder().from(first).after(after).build());
            page.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
            after = page.next();
        } while (after.isPresent());
        return walked;
    }

    private int countLabelled(AccountId in, LabelId label) {
        return store.inTransaction(in, tx -> tx.labels().countLabelled(label));
    }

    @Test
    @DisplayName("F35 create labels with a name and a colour; list them by name regardless of case")
    void createAndList() {
        Label vip = labels().create(account, "VIP", LabelColour.of("#d4a017"));
        Label billing = labels().create(account, "billing");
        Label urgent = labels().create(account, "  Urgent  ", LabelColour.of("#FF0000"));

        assertThat(vip.colour().hex()).isEqualTo("#D4A017");
        assertThat(billing.colour()).isEqualTo(LabelColour.DEFAULT);
        assertThat(urgent.name()).isEqualTo("Urgent");
        assertThat(vip.createdAt()).isEqualTo(START);
        assertThat(labels().list(account)).containsExactly(billing, urgent, vip);
        assertThat(labels().get(account, vip.id())).isEqualTo(vip);
        assertThat(eventsOf(InboxEvent.LabelCreated.class)).extracting(InboxEvent.LabelCreated::label)
                .containsExactly(vip, billing, urgent);
    }

    @Test
    @DisplayName("F35 a name is unique in its account regardless of case and spacing; refused with the label that has it")
    void namesAreUnique() {
        Label vip = labels().create(account, "VIP");
        Label other = labels().create(account, "Billing");

        assertThatThrownBy(() -> labels().create(account, " vip "))
                .isInstanceOfSatisfying(LabelNameTakenException.class, e -> {
                    assertThat(e.existing()).isEqualTo(vip.id());
                    assertThat(e.account()).isEqualTo(account);
                    assertThat(e.name()).isEqualTo("vip");
                });
        labels().create(account, "Straße");
        assertThatThrownBy(() -> labels().create(account, "STRASSE")).isInstanceOf(LabelNameTakenException.class);
        assertThatThrownBy(() -> labels().rename(account, other.id(), "vIp"))
                .isInstanceOf(LabelNameTakenException.class);
        assertThat(labels().get(account, other.id()).name()).isEqualTo("Billing");
        assertThat(labels().rename(account, vip.id(), "Vip").name()).isEqualTo("Vip");
        assertThat(labels().list(account)).hasSize(3);
    }

    @Test
    @DisplayName("F35 bad names and colours are refused with a typed error naming the field")
    void validation() {
        assertThatThrownBy(() -> labels().create(account, "   "))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> labels().create(account, "a".repeat(Label.MAX_NAME_LENGTH + 1)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> labels().create(account, "to\ndo"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> labels().create(account, null)).isInstanceOf(MissingValueException.class);
        assertThatThrownBy(() -> LabelColour.of("red"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("colour"));
        assertThatThrownBy(() -> labels().list(AccountId.of("no-such-account"))).isInstanceOf(NoSuchAccountException.class);
        assertThat(labels().create(account, "a".repeat(Label.MAX_NAME_LENGTH)).name()).hasSize(Label.MAX_NAME_LENGTH);
        assertThat(labels().list(account)).hasSize(1);
        assertThat(eventsOf(InboxEvent.LabelCreated.class)).hasSize(1);
    }

    @Test
    @DisplayName("F35 label and unlabel many conversations at once, idempotent; events name only what changed")
    void bulkLabelAndUnlabel() {
        List<ConversationId> ids = conversations(4);
        Label vip = labels().create(account, "VIP");
        Label billing = labels().create(account, "Billing");

        assertThat(labels().label(account, vip.id(), List.of(ids.get(0), ids.get(1), ids.get(1)))).isEqualTo(2);
        assertThat(labels().label(account, vip.id(), ids)).isEqualTo(2);
        assertThat(labels().label(account, vip.id(), ids)).isZero();
        assertThat(labels().label(account, billing.id(), List.of(ids.get(0)))).isEqualTo(1);
        assertThat(labels().label(account, billing.id(), List.of())).isZero();

        assertThat(labels().labelsOf(account, ids.get(0))).containsExactly(billing, vip);
        assertThat(labels().unlabel(account, vip.id(), List.of(ids.get(0), ids.get(1)))).isEqualTo(2);
        assertThat(labels().unlabel(account, vip.id(), List.of(ids.get(0), ids.get(1)))).isZero();
        assertThat(labels().labelsOf(account, ids.get(0))).containsExactly(billing);
        assertThat(labels().labelsOf(account, ids.get(1))).isEmpty();
        assertThat(countLabelled(account, vip.id())).isEqualTo(2);

        assertThat(eventsOf(InboxEvent.ConversationsLabelled.class))
                .extracting(InboxEvent.ConversationsLabelled::label, InboxEvent.ConversationsLabelled::conversations)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(vip.id(), List.of(ids.get(0), ids.get(1))),
                        org.assertj.core.groups.Tuple.tuple(vip.id(), List.of(ids.get(2), ids.get(3))),
                        org.assertj.core.groups.Tuple.tuple(billing.id(), List.of(ids.get(0))));
        assertThat(eventsOf(InboxEvent.ConversationsUnlabelled.class)).singleElement()
                .satisfies(e -> assertThat(e.conversations()).containsExactly(ids.get(0), ids.get(1)));
    }

    @Test
    @DisplayName("F35 a bulk call with one unknown conversation or label changes nothing and publishes nothing")
    void bulkIsAtomic() {
        List<ConversationId> ids = conversations(3);
        Label vip = labels().create(account, "VIP");
        events.clear();
        ConversationId unknown = ConversationId.random();

        assertThatThrownBy(() -> labels().label(account, vip.id(), List.of(ids.get(0), unknown, ids.get(1))))
                .isInstanceOfSatisfying(NoSuchConversationException.class, e -> assertThat(e.id()).isEqualTo(unknown));
        assertThatThrownBy(() -> labels().label(account, LabelId.random(), ids)).isInstanceOf(NoSuchLabelException.class);
        List<ConversationId> tooMany = IntStream.range(0, Labels.MAX_CONVERSATIONS_PER_CALL + 1)
                .mapToObj(i -> ConversationId.random()).toList();
        assertThatThrownBy(() -> labels().label(account, vip.id(), tooMany))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("conversations"));

        assertThat(countLabelled(account, vip.id())).isZero();
        assertThat(events).isEmpty();
        labels().label(account, vip.id(), ids);
        assertThatThrownBy(() -> labels().unlabel(account, vip.id(), List.of(ids.get(0), unknown)))
                .isInstanceOf(NoSuchConversationException.class);
        assertThat(countLabelled(account, vip.id())).isEqualTo(3);
        assertThat(eventsOf(InboxEvent.ConversationsUnlabelled.class)).isEmpty();
    }

    @Test
    @DisplayName("F35 F1 the inbox filters by a label with the tab, assignment and read filters, in keyset pages")
    void inboxFilter() {
        List<ConversationId> ids = conversations(8);
        Label vip = labels().create(account, "VIP");
        Label other = labels().create(account, "Other");
        labels().label(account, vip.id(), List.of(ids.get(0), ids.get(2), ids.get(3), ids.get(5), ids.get(7)));
        labels().label(account, other.id(), List.of(ids.get(1), ids.get(2)));
        kit.team().assign(account, ids.get(3), alice, alice);
        kit.team().assign(account, ids.get(5), alice, alice);
        kit.conversations().markRead(account, ids.get(7));
        kit.conversations().close(account, ids.get(0));

        InboxQuery byVip = InboxQuery.builder().label(vip.id()).limit(2).build();
        assertThat(walk(byVip)).containsExactly(ids.get(7), ids.get(5), ids.get(3), ids.get(2));
        assertThat(walk(InboxQuery.builder().from(byVip).assignment(AssignmentFilter.assignedTo(alice)).build()))
                .containsExactly(ids.get(5), ids.get(3));
        assertThat(walk(InboxQuery.builder().from(byVip).assignment(AssignmentFilter.unassigned()).build()))
                .containsExactly(ids.get(7), ids.get(2));
        assertThat(walk(InboxQuery.builder().from(byVip).readFilter(ReadFilter.UNREAD).build()))
                .containsExactly(ids.get(5), ids.get(3), ids.get(2));
        assertThat(walk(InboxQuery.builder().from(byVip).readFilter(ReadFilter.READ).build()))
                .containsExactly(ids.get(7));
        assertThat(walk(InboxQuery.builder().from(byVip).tab(ConversationState.CLOSED).build()))
                .containsExactly(ids.get(0));
        assertThat(walk(InboxQuery.builder().from(byVip).search("hello 2").build())).containsExactly(ids.get(2));
        assertThat(walk(InboxQuery.builder().label(other.id()).build())).containsExactly(ids.get(2), ids.get(1));
        // a page's counters stay the account's, whatever the filter
        assertThat(kit.inbox().list(account, byVip).counters()).isEqualTo(kit.inbox().counters(account));
    }

    @Test
    @DisplayName("F35 F1 a walk by label places a conversation that moved since its first page once")
    void walkWhileActive() {
        List<ConversationId> ids = conversations(6);
        Label vip = labels().create(account, "VIP");
        labels().label(account, vip.id(), ids);
        InboxPage first = kit.inbox().list(account, InboxQuery.builder().label(vip.id()).limit(2).build());
        advance(Duration.ofSeconds(5));
        receive(phone(0), "again");
        List<ConversationId> walked = new ArrayList<>(first.rows().stream().map(InboxRow::conversationId).toList());
        Optional<InboxCursor> after = first.next();
        while (after.isPresent()) {
            InboxPage page = kit.inbox().list(account, InboxQuery.builder().label(vip.id()).limit(2).after(after).build());
            page.rows().stream().map(InboxRow::conversationId).forEach(walked::add);
            after = page.next();
        }
        List<ConversationId> expected = new ArrayList<>(ids);
        Collections.reverse(expected);
        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("F35 F6 mark all read with a label filter marks only that label's conversations")
    void markAllReadByLabel() {
        List<ConversationId> ids = conversations(3);
        Label vip = labels().create(account, "VIP");
        labels().label(account, vip.id(), List.of(ids.get(1)));

        assertThat(kit.inbox().markAllRead(account, InboxQuery.builder().label(vip.id()).build())).isEqualTo(1);
        assertThat(kit.conversations().get(account, ids.get(1)).unreadCount()).isZero();
        assertThat(kit.conversations().get(account, ids.get(0)).unreadCount()).isEqualTo(1);
        assertThat(badge()).isEqualTo(2);
    }

    @Test
    @DisplayName("F35 renaming and recolouring keep the conversations' labels; an unchanged value publishes nothing")
    void renameAndRecolour() {
        List<ConversationId> ids = conversations(2);
        Label vip = labels().create(account, "VIP");
        labels().label(account, vip.id(), ids);
        events.clear();
        advance(Duration.ofMinutes(1));

        Label renamed = labels().rename(account, vip.id(), "Key accounts");
        Label recoloured = labels().recolour(account, vip.id(), LabelColour.of("#00AA00"));
        labels().rename(account, vip.id(), " Key accounts ");
        labels().recolour(account, vip.id(), LabelColour.of("#00aa00"));

        assertThat(renamed.updatedAt()).isEqualTo(START.plus(Duration.ofSeconds(2)).plus(Duration.ofMinutes(1)));
        assertThat(recoloured.name()).isEqualTo("Key accounts");
        assertThat(labels().labelsOf(account, ids.get(0))).containsExactly(recoloured);
        assertThat(walk(InboxQuery.builder().label(vip.id()).build())).containsExactly(ids.get(1), ids.get(0));
        assertThat(eventsOf(InboxEvent.LabelChanged.class)).extracting(InboxEvent.LabelChanged::label)
                .containsExactly(renamed, recoloured);
        assertThat(labels().create(account, "VIP").id()).isNotEqualTo(vip.id());
    }

    @Test
    @DisplayName("F35 deleting a label takes it off every conversation; its id then filters nothing and is unknown")
    void deleteLeavesNoReference() {
        List<ConversationId> ids = conversations(3);
        Label vip = labels().create(account, "VIP");
        Label kept = labels().create(account, "Kept");
        labels().label(account, vip.id(), ids);
        labels().label(account, kept.id(), List.of(ids.get(0)));

        assertThat(labels().delete(account, vip.id())).isEqualTo(3);

        assertThat(labels().labelsOf(account, ids.get(0))).containsExactly(kept);
        assertThat(labels().labelsOf(account, ids.get(1))).isEmpty();
        assertThat(countLabelled(account, vip.id())).isZero();
        assertThat(kit.inbox().list(account, InboxQuery.builder().label(vip.id()).build()).rows()).isEmpty();
        assertThatThrownBy(() -> labels().get(account, vip.id())).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().delete(account, vip.id())).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().label(account, vip.id(), ids)).isInstanceOf(NoSuchLabelException.class);
        assertThat(eventsOf(InboxEvent.LabelDeleted.class)).singleElement().satisfies(e -> {
            assertThat(e.label()).isEqualTo(vip.id());
            assertThat(e.conversationsUnlabelled()).isEqualTo(3);
        });
        Label again = labels().create(account, "vip");
        assertThat(countLabelled(account, again.id())).isZero();
    }

    @Test
    @DisplayName("F35 F30 a conversation deleted by the retention purge takes its labels with it")
    void purgeLeavesNoReference() {
        List<ConversationId> ids = conversations(2);
        Label vip = labels().create(account, "VIP");
        labels().label(account, vip.id(), ids);
        advance(Duration.ofDays(91));
        ConversationId fresh = idOf(receive(phone(5), "still here"));
        labels().label(account, vip.id(), List.of(fresh));

        assertThat(kit.retention().purgeExpired(account).conversations()).isEqualTo(2);

        assertThat(countLabelled(account, vip.id())).isEqualTo(1);
        assertThat(labels().get(account, vip.id())).isEqualTo(vip);
        assertThat(walk(InboxQuery.builder().label(vip.id()).build())).containsExactly(fresh);
        ConversationId restarted = idOf(receive(phone(0), "back again"));
        assertThat(restarted).isNotIn(ids);
        assertThat(labels().labelsOf(account, restarted)).isEmpty();
        assertThat(labels().delete(account, vip.id())).isEqualTo(1);
    }

    @Test
    @DisplayName("F35 F33 another account can neither see nor touch an account's labels")
    void tenancy() {
        ConversationId mine = conversations(1).get(0);
        Label vip = labels().create(account, "VIP");
        labels().label(account, vip.id(), List.of(mine));
        AccountId other = newAccount(AccountSettings.builder().defaultRegion("FR").build());
        ConversationId theirs = idOf(receive(other, phone(1), "hi", "other-" + java.util.UUID.randomUUID()));
        Label theirVip = labels().create(other, "VIP");

        assertThat(labels().list(other)).containsExactly(theirVip);
        assertThatThrownBy(() -> labels().get(other, vip.id())).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().rename(other, vip.id(), "Mine now")).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().recolour(other, vip.id(), LabelColour.DEFAULT))
                .isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().delete(other, vip.id())).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().label(other, vip.id(), List.of(theirs))).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().unlabel(other, vip.id(), List.of(theirs))).isInstanceOf(NoSuchLabelException.class);
        assertThatThrownBy(() -> labels().label(other, theirVip.id(), List.of(mine)))
                .isInstanceOf(NoSuchConversationException.class);
        assertThatThrownBy(() -> labels().labelsOf(other, mine)).isInstanceOf(NoSuchConversationException.class);
        assertThat(kit.inbox().list(other, InboxQuery.builder().label(vip.id()).build()).rows()).isEmpty();
        assertThat(countLabelled(other, vip.id())).isZero();

        assertThat(labels().get(account, vip.id())).isEqualTo(vip);
        assertThat(labels().labelsOf(account, mine)).containsExactly(vip);
        assertThat(labels().labelsOf(other, theirs)).isEmpty();
    }

    @Test
    @DisplayName("F35 events follow the commit: a listener reading the labels sees the change")
    void eventsAfterCommit() {
        List<ConversationId> ids = conversations(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        InboxKit[] engine = new InboxKit[1];
        engine[0] = InboxKit.builder().store(store).clock(clock).eventListener(event -> {
            if (event instanceof InboxEvent.LabelCreated created) {
                seen.add("created " + engine[0].labels().get(account, created.label().id()).name());
            } else if (event instanceof InboxEvent.ConversationsLabelled labelled) {
                seen.add("labelled " + engine[0].labels().labelsOf(account, labelled.conversations().get(0)).size());
            } else if (event instanceof InboxEvent.LabelDeleted deleted) {
                seen.add("deleted " + engine[0].labels().list(account).size());
            }
        }).build();

        Label vip = engine[0].labels().create(account, "VIP");
        engine[0].labels().label(account, vip.id(), ids);
        engine[0].labels().delete(account, vip.id());

        assertThat(seen).containsExactly("created VIP", "labelled 1", "deleted 0");
    }

    @Test
    @DisplayName("F35 two users creating one name at once: one label, the other refused with a typed error")
    void concurrentCreate() throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            String name = "Round " + round;
            CountDownLatch go = new CountDownLatch(1);
            ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                // the same name, one user typing it in capitals
                String typed = t == 1 ? name.toUpperCase(java.util.Locale.ROOT) : name;
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                        outcomes.add(labels().create(account, typed));
                    } catch (Throwable e) {
                        outcomes.add(e);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(outcomes).filteredOn(Label.class::isInstance).as("round " + round).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !(o instanceof Label)).as("round " + round)
                    .hasSize(2).allMatch(LabelNameTakenException.class::isInstance);
        }
        assertThat(labels().list(account)).hasSize(5);
    }
}
