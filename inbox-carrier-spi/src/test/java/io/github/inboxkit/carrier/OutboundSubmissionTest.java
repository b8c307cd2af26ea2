package io.github.inboxkit.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboundSubmissionTest {

    private static final Sender SENDER = Sender.longCode("+14155550100");

    @Test
    @DisplayName("F29 a submission needs text or media and a segment count that fits the text")
    void needsContent() {
        assertThatThrownBy(() -> new OutboundSubmission("m-1", SENDER, "+14155550123", "", List.of(), 0,
                TextEncoding.GSM_7)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text or media");
        assertThatThrownBy(() -> OutboundSubmission.sms("m-1", SENDER, "+14155550123", "hi", 0, TextEncoding.GSM_7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segmentCount");
        OutboundSubmission mmsOnly = new OutboundSubmission("m-1", SENDER, "+14155550123", "",
                List.of(OutboundMedia.inline("image/png", new byte[] {1, 2, 3})), 0, TextEncoding.GSM_7);
        assertThat(mmsOnly.isMms()).isTrue();
        assertThat(mmsOnly.mediaBytes()).isEqualTo(3);
    }

    @Test
    @DisplayName("F29 F25 shift tables travel with a GSM-7 text, locking first; the first version's constructor means none")
    void shiftTables() {
        OutboundSubmission old = new OutboundSubmission("m-1", SENDER, "+905321234567", "Merhaba", List.of(), 1,
                TextEncoding.GSM_7);
        assertThat(old.shiftTables()).isEmpty();
        OutboundSubmission turkish = new OutboundSubmission("m-1", SENDER, "+905321234567", "Şişli", List.of(), 1,
                TextEncoding.GSM_7, List.of(ShiftTable.TURKISH_SINGLE, ShiftTable.TURKISH_LOCKING));
        assertThat(turkish.shiftTables()).containsExactly(ShiftTable.TURKISH_LOCKING, ShiftTable.TURKISH_SINGLE);
        assertThat(turkish.withMedia(List.of()).shiftTables()).isEqualTo(turkish.shiftTables());
        assertThat(ShiftTable.TURKISH_LOCKING.informationElementIdentifier()).isEqualTo(0x25);
        assertThat(ShiftTable.SPANISH_SINGLE.informationElementIdentifier()).isEqualTo(0x24);
        assertThat(ShiftTable.PORTUGUESE_SINGLE.nationalLanguageIdentifier()).isEqualTo(3);
        assertThatThrownBy(() -> new OutboundSubmission("m-1", SENDER, "+905321234567", "Şişli", List.of(), 1,
                TextEncoding.UCS_2, List.of(ShiftTable.TURKISH_SINGLE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GSM-7");
        assertThatThrownBy(() -> new OutboundSubmission("m-1", SENDER, "+905321234567", "Şişli", List.of(), 1,
                TextEncoding.GSM_7, List.of(ShiftTable.TURKISH_SINGLE, ShiftTable.SPANISH_SINGLE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one");
    }

    @Test
    @DisplayName("F29 the recipient must be E.164 and the idempotency key non-blank")
    void recipientAndKey() {
        assertThatThrownBy(() -> OutboundSubmission.sms("m-1", SENDER, "0612345678", "hi", 1, TextEncoding.GSM_7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("E.164");
        assertThatThrownBy(() -> OutboundSubmission.sms(" ", SENDER, "+14155550123", "hi", 1, TextEncoding.GSM_7))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 submissions are immutable: media lists and bytes are copied in and out")
    void immutable() {
        byte[] bytes = {1, 2, 3};
        List<OutboundMedia> media = new ArrayList<>(List.of(OutboundMedia.inline("image/gif", bytes)));
        OutboundSubmission submission = new OutboundSubmission("m-1", SENDER, "+14155550123", "hi", media, 1,
                TextEncoding.GSM_7);
        bytes[0] = 9;
        media.clear();
        OutboundMedia.Inline kept = (OutboundMedia.Inline) submission.media().get(0);
        assertThat(kept.content()).containsExactly(1, 2, 3);
        kept.content()[1] = 7;
        assertThat(kept.content()).containsExactly(1, 2, 3);
        assertThat(kept).isEqualTo(OutboundMedia.inline("image/gif", new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> OutboundMedia.hosted("image/png", URI.create("ftp://x/y.png"), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("F29 toString keeps the recipient and the text out of logs")
    void noPersonalDataInToString() {
        String text = OutboundSubmission.sms("m-1", SENDER, "+14155550123", "secret body", 1, TextEncoding.GSM_7)
                .toString();
        assertThat(text).contains("m-1").doesNotContain("4155550123").doesNotContain("secret");
    }

    @Property
    @Label("F21 any 3 to 8 digits make a short-code sender; other lengths are refused")
    void shortCodes(@ForAll @StringLength(min = 1, max = 12) String candidate) {
        boolean valid = candidate.matches("[0-9]{3,8}");
        if (valid) {
            assertThat(Sender.shortCode(candidate).kind()).isEqualTo(SenderKind.SHORT_CODE);
        } else {
            assertThatThrownBy(() -> Sender.shortCode(candidate)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("F21 alphanumeric senders are 1 to 11 characters with at least one letter")
    void alphanumeric() {
        assertThat(Sender.alphanumeric("ACME Corp").value()).isEqualTo("ACME Corp");
        assertThatThrownBy(() -> Sender.alphanumeric("123456")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sender.alphanumeric("ABCDEFGHIJKL")).isInstanceOf(IllegalArgumentException.class);
    }
}
