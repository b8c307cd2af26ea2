package io.github.inboxkit.core.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.carrier.Sender;
import io.github.inboxkit.carrier.TextEncoding;
import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.conversation.ConversationId;
import io.github.inboxkit.core.conversation.MessageId;
import io.github.inboxkit.core.conversation.MessageStatus;
import io.github.inboxkit.core.phone.PhoneNumber;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules an outbox entry keeps whoever builds it: the stores rely on them (see the JDBC store's V6). */
class OutboxEntryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private static ImmutableOutboxEntry.Builder entry(MessageStatus status) {
        return OutboxEntry.builder().messageId(MessageId.random()).conversationId(ConversationId.random())
                .recipient(new PhoneNumber("+33612345678")).status(status).carrierId("simulator")
                .sender(Sender.longCode("+33700000001")).text("hello").segmentCount(1).encoding(TextEncoding.GSM_7)
                .attempts(0).dueAt(T0).createdAt(T0).updatedAt(T0);
    }

    @Test
    @DisplayName("F27 a SCHEDULED entry carries the time it is scheduled for")
    void scheduledNeedsItsTime() {
        assertThatThrownBy(() -> entry(MessageStatus.SCHEDULED).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("scheduledFor"))
                .hasMessageContaining("when the status is SCHEDULED");

        OutboxEntry scheduled = entry(MessageStatus.SCHEDULED)
                .scheduledFor(new ScheduledTime(T0, ZoneId.of("Europe/Paris"))).build();
        assertThat(OutboxEntry.PENDING).contains(scheduled.status());
        // once claimed or retried it keeps the time, which is no longer required
        assertThat(entry(MessageStatus.QUEUED).build().scheduledFor()).isEmpty();
    }

    @Test
    @DisplayName("F31 a FAILED entry says why, and only a FAILED one")
    void failureExactlyWhenFailed() {
        assertThatThrownBy(() -> entry(MessageStatus.FAILED).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("failure"));
        assertThatThrownBy(() -> entry(MessageStatus.QUEUED)
                .failure(SendFailure.of(FailureReason.OPTED_OUT, "x")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("failure"));
    }
}
