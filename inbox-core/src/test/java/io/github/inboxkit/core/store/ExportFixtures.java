package io.github.inboxkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.InboxKit;
import io.github.inboxkit.core.account.AccountId;
import io.github.inboxkit.core.conversation.Message;
import io.github.inboxkit.core.export.ExportProgress;
import io.github.inboxkit.core.export.ExportRequest;
import io.github.inboxkit.core.export.ExportSink;
import io.github.inboxkit.core.export.ExportedMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the export's contracts share: the order they expect, a range, and sinks that collect. */
final class ExportFixtures {

    /** The export's order, as the stores promise it: creation time, then id (unsigned). */
    static final Comparator<Message> ORDER = Comparator.comparing(Message::createdAt).thenComparing(Message::id);

    /** Far enough before the test clock's start for every message of a test. */
    static final Instant EARLY = StoreContractSupport.START.minus(Duration.ofDays(1));

    /** Far enough after it. */
    static final Instant LATE = StoreContractSupport.START.plus(Duration.ofDays(30));

    private ExportFixtures() {}

    static List<ExportedMessage> exportAll(InboxKit kit, AccountId account, ExportRequest request) {
        List<ExportedMessage> exported = new ArrayList<>();
        kit.export().run(account, request, collecting(exported));
        return exported;
    }

    static List<Message> messagesOf(List<ExportedMessage> exported) {
        return exported.stream().map(ExportedMessage::message).toList();
    }

    /** A sink that collects every message, and checks each page's count. */
    static ExportSink collecting(List<ExportedMessage> into) {
        return new ExportSink() {
            @Override
            public void write(ExportedMessage message) {
                into.add(message);
            }

            @Override
            public void endPage(ExportProgress progress) {
                assertThat(progress.messages()).isEqualTo(into.size());
            }
        };
    }

    /** A sink that collects, and fails on the write after the first {@code writes}. */
    static ExportSink failingAfter(int writes, List<ExportedMessage> into) {
        return new ExportSink() {
            @Override
            public void write(ExportedMessage message) throws IOException {
                if (into.size() == writes) {
                    throw new IOException("disk full");
                }
                into.add(message);
            }

            @Override
            public void endPage(ExportProgress progress) {
                // nothing to flush
            }
        };
    }
}
