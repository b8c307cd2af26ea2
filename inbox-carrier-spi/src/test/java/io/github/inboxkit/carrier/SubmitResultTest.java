package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubmitResultTest {

    @Test
    @DisplayName("F29 fold applies exactly the function of the result's kind")
    void foldDispatchesOnKind() {
        assertThat(kind(SubmitResult.accepted("c-1", 1))).isEqualTo("accepted");
        assertThat(kind(SubmitResult.rejectedPermanently(PermanentReason.OPTED_OUT, "21610", "unsubscribed")))
                .isEqualTo("permanent");
        assertThat(kind(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "", ""))).isEqualTo("transient");
    }

    private static String kind(SubmitResult result) {
        return result.fold(a -> "accepted", p -> "permanent", t -> "transient");
    }

    @Test
    @DisplayName("F31 a transient rejection's retry-after is optional, and zero is a real value, not 'absent'")
    void retryAfterIsOptional() {
        assertThat(SubmitResult.rejectedTransiently(TransientReason.CARRIER_UNAVAILABLE, "", "").retryAfter()).isEmpty();
        assertThat(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "", "", Duration.ZERO).retryAfter())
                .contains(Duration.ZERO);
        assertThat(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "", "", Duration.ofSeconds(3)))
                .isEqualTo(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "", "", Duration.ofSeconds(3)))
                .isNotEqualTo(SubmitResult.rejectedTransiently(TransientReason.RATE_LIMITED, "", ""));
    }

    @Test
    @DisplayName("F29 results refuse nulls, blank ids, negative segments and negative retry-after")
    void validation() {
        assertThatThrownBy(() -> SubmitResult.accepted(" ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitResult.accepted("c-1", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SubmitResult.rejectedPermanently(null, "", "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SubmitResult.rejectedTransiently(TransientReason.TIMEOUT, "", "", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 content reasons are told apart from addressing reasons")
    void contentReasons() {
        assertThat(PermanentReason.MEDIA_NOT_SUPPORTED.concernsContent()).isTrue();
        assertThat(PermanentReason.CONTENT_REFUSED.concernsContent()).isTrue();
        assertThat(PermanentReason.INVALID_NUMBER.concernsContent()).isFalse();
        assertThat(PermanentReason.OPTED_OUT.concernsContent()).isFalse();
    }
}
