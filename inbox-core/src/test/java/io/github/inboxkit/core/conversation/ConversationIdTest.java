package io.github.inboxkit.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConversationIdTest {

    @Test
    @DisplayName("F1 ids order as unsigned 128-bit numbers, like uuid columns, for stable keyset ties")
    void unsignedOrder() {
        ConversationId low = new ConversationId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
        ConversationId high = new ConversationId(UUID.fromString("ffffffff-0000-0000-0000-000000000000"));
        ConversationId middle = new ConversationId(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));

        assertThat(low.compareTo(middle)).isNegative();
        assertThat(middle.compareTo(high)).isNegative();
        assertThat(high.compareTo(low)).isPositive();
        assertThat(ConversationId.parse(high.toString())).isEqualTo(high);
    }
}
