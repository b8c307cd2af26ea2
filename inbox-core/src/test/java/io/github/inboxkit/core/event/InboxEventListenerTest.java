package io.github.inboxkit.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.ConversationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Chaining listeners with {@link InboxEventListener#both}. */
class InboxEventListenerTest {

    private static final InboxEvent EVENT = new InboxEvent.ConversationClosed(AccountId.of("acme"),
            ConversationId.random(), Instant.parse("2026-12-03T09:00:00Z"));

    @Test
    @DisplayName("F47 both listeners receive each event, the first one first")
    void bothInOrder() {
        List<String> calls = new ArrayList<>();

        InboxEventListener.both(event -> calls.add("first"), event -> calls.add("second")).onEvent(EVENT);

        assertThat(calls).containsExactly("first", "second");
    }

    @Test
    @DisplayName("F47 the second listener still receives an event the first one failed on; the failure is rethrown, both failures kept")
    void failureOfTheFirst() {
        List<InboxEvent> seen = new ArrayList<>();
        IllegalStateException first = new IllegalStateException("first");

        assertThatThrownBy(() -> InboxEventListener.both(event -> {
            throw first;
        }, seen::add).onEvent(EVENT)).isSameAs(first);
        assertThat(seen).containsExactly(EVENT);

        assertThatThrownBy(() -> InboxEventListener.both(event -> {
            throw first;
        }, event -> {
            throw new IllegalArgumentException("second");
        }).onEvent(EVENT)).isSameAs(first).satisfies(thrown -> assertThat(thrown.getSuppressed())
                .singleElement().isInstanceOf(IllegalArgumentException.class));
        assertThatThrownBy(() -> InboxEventListener.both(event -> {}, event -> {
            throw new IllegalArgumentException("second");
        }).onEvent(EVENT)).hasMessage("second");
    }
}
