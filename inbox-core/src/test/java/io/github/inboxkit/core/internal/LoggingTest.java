package io.github.inboxkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.inboxkit.core.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.account.AccountSettings;
import io.github.inboxkit.core.conversation.IncomingMessage;
import io.github.inboxkit.core.conversation.ReceivedMessage;
import io.github.inboxkit.core.store.memory.InMemoryInboxStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void capture() {
        root = (Logger) LoggerFactory.getLogger("io.github.inboxkit");
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    @DisplayName("F12 a failing listener is logged at WARN with event type and account only; nothing is undone")
    void failingListenerIsLoggedWithoutPersonalData() {
        InboxKit kit = InboxKit.builder().store(InMemoryInboxStore.create())
                .eventListener(event -> {
                    throw new IllegalStateException("listener saw +33612345678 saying 'my secret'");
                })
                .build();
        AccountId account = AccountId.of("acct-log");
        kit.administration().createAccount(account, "Log test", AccountSettings.builder().defaultRegion("FR").build());

        ReceivedMessage received = kit.ingestion().receive(account, IncomingMessage.builder()
                .carrierMessageId("log-1").contactNumber("+33612345678").accountNumber("36111")
                .text("my secret").build());

        assertThat(received.conversation().unreadCount()).isEqualTo(1);
        assertThat(kit.inbox().counters(account).badge()).isEqualTo(1);
        assertThat(captured.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage())
                        .contains("MessageReceived", "acct-log")
                        .doesNotContain("612345678", "secret"));
        assertThat(captured.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("612345678", "secret"));
        // DEBUG lines carry ids only, too, except the listener's own exception attached at DEBUG
        assertThat(captured.list).filteredOn(e -> e.getThrowableProxy() == null)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("612345678", "secret"));
    }
}
