package io.github.inboxkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.carrier.simulator.SimulatedCarrier;
import io.github.inboxkit.core.event.InboxEvent;
import io.github.inboxkit.core.inbox.InboxPage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddingTest {

    @Test
    @DisplayName("F12 the README snippet ingests a signed webhook, lists it with its unread count, and notifies after commit")
    void snippetRuns() throws Exception {
        List<InboxEvent> events = new CopyOnWriteArrayList<>();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        InboxPage page;
        try {
            page = Embedding.embed("jdbc:h2:mem:embedding_test;DB_CLOSE_DELAY=-1", executor, events::add,
                    SimulatedCarrier.create().inboundWebhook("+14155550132", "+14155550100", "Can I come on Friday?"));
        } finally {
            executor.shutdownNow();
        }

        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.preview()).isEqualTo("Can I come on Friday?");
            assertThat(row.unreadCount()).isEqualTo(1);
        });
        assertThat(page.counters().badge()).isEqualTo(1);
        assertThat(events).filteredOn(InboxEvent.MessageReceived.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((InboxEvent.MessageReceived) event).badge()).isEqualTo(1));
        assertThat(events).anyMatch(InboxEvent.OutboundMessageRecorded.class::isInstance);
    }
}
