package io.github.inboxkit.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.conversation.ConversationId;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.Label;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Property
    @Label("F1 a cursor survives its token form")
    void roundTrip(@ForAll @LongRange(min = 0, max = 32_503_680_000L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        InboxCursor cursor = new InboxCursor(Instant.ofEpochSecond(seconds, nanos), ConversationId.random());
        assertThat(InboxCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Property
    @Label("F1 a cursor with a snapshot survives its token form")
    void roundTripWithSnapshot(@ForAll @LongRange(min = 0, max = 32_503_680_000L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos,
            @ForAll @LongRange(min = 0, max = 1_000_000) long snapshotLater) {
        Instant at = Instant.ofEpochSecond(seconds, nanos);
        InboxCursor cursor = new InboxCursor(at, ConversationId.random(), at.plusSeconds(snapshotLater));
        assertThat(InboxCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(InboxCursor.parse(cursor.token()).snapshot()).contains(at.plusSeconds(snapshotLater));
    }

    @Test
    @DisplayName("F1 a cursor made without a snapshot has none, also after its token form")
    void noSnapshot() {
        InboxCursor cursor = new InboxCursor(Instant.EPOCH, ConversationId.random());
        assertThat(cursor.snapshot()).isEmpty();
        assertThat(InboxCursor.parse(cursor.token()).snapshot()).isEmpty();
    }

    @Test
    @DisplayName("F1 a forged or damaged cursor is refused with a typed error")
    void garbage() {
        assertThatThrownBy(() -> InboxCursor.parse("not a cursor")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> InboxCursor.parse("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> InboxCursor.parse("MTIzOmFiYzpkZWY")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    @DisplayName("F1 a page size outside 1..500 is refused")
    void limits() {
        assertThatThrownBy(() -> InboxQuery.builder().limit(0).build()).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> InboxQuery.builder().limit(501).build()).isInstanceOf(InvalidValueException.class);
    }
}
