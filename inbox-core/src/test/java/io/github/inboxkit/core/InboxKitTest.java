package io.github.inboxkit.core;

import io.github.inboxkit.InboxKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxQuery;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboxKitTest {

    @Test
    @DisplayName("the builder refuses a missing store and an out-of-range typing timeout, naming them")
    void builderFailsFast() {
        assertThatThrownBy(() -> InboxKit.builder().build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("store"));
        assertThatThrownBy(() -> InboxKit.builder().typingTimeout(Duration.ofMillis(10)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("typingTimeout"));
        assertThatThrownBy(() -> InboxKit.builder().typingTimeout(Duration.ofMinutes(2)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("F12 quick start: defaults for clock and entitlements, one inbound message reaches the inbox and the listener")
    void quickStart() {
        List<InboxEvent> events = new ArrayList<>();
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create()).eventListener(events::add).build();
        AccountId account = AccountId.of("clinic-1");
        kit.administration().createAccount(account, "Clinique du Parc", AccountSettings.builder().defaultRegion("FR").build());

        kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("m-1").contactNumber("06 12 34 56 78").accountNumber("36111").text("Bonjour").build());

        assertThat(kit.inbox().list(account, InboxQuery.openTab()).rows()).singleElement()
                .satisfies(row -> assertThat(row.displayName()).isEqualTo("+33612345678"));
        assertThat(events).singleElement().isInstanceOf(InboxEvent.MessageReceived.class);
    }
}
