package io.github.inboxkit.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.inboxkit.core.InvalidValueException;
import io.github.inboxkit.core.MissingValueException;
import io.github.inboxkit.core.conversation.MessageId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportCursorTest {

    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    @Property
    @Label("F39 an export cursor survives its token form")
    void roundTrip(@ForAll @LongRange(min = 0, max = 32_503_680_000L) long seconds,
            @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        ExportCursor cursor = new ExportCursor(Instant.ofEpochSecond(seconds, nanos), MessageId.random());

        assertThat(ExportCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Property
    @Label("F39 a token with any one character changed is refused, or reads as the very same cursor")
    void changedTokenIsRefused(@ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll @IntRange(min = 1, max = 63) int shift) {
        ExportCursor cursor = new ExportCursor(Instant.parse("2026-12-01T10:15:30.123456Z"), MessageId.random());
        String token = cursor.token();
        int at = position % token.length();
        char changed = BASE64URL.charAt((BASE64URL.indexOf(token.charAt(at)) + shift) % 64);
        String tampered = token.substring(0, at) + changed + token.substring(at + 1);

        try {
            // the last character's unused low bits are ignored by base64: the same bytes, the same cursor
            assertThat(ExportCursor.parse(tampered)).isEqualTo(cursor);
        } catch (InvalidValueException e) {
            assertThat(e.field()).isEqualTo("cursor");
        }
    }

    @Test
    @DisplayName("F39 a token edited to point elsewhere, with its checksum left as it was, is refused")
    void editedPositionIsRefused() {
        ExportCursor cursor = new ExportCursor(Instant.parse("2026-12-01T10:15:30Z"), MessageId.random());
        String plain = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
        String edited = plain.replaceFirst(":" + cursor.createdAt().getEpochSecond() + ":",
                ":" + (cursor.createdAt().getEpochSecond() - 86_400) + ":");
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ExportCursor.parse(token))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"))
                .hasMessageContaining("start the export again");
    }

    @Test
    @DisplayName("F39 garbage, an empty token, an inbox cursor's token and null are refused with typed errors")
    void garbageIsRefused() {
        for (String token : new String[] {"", "not a token", "!!!", "ZTE6MTox", "MTc2NDU4MzcwMDowOjEyMw"}) {
            assertThatThrownBy(() -> ExportCursor.parse(token)).as(token).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> ExportCursor.parse(null)).isInstanceOf(MissingValueException.class);
    }
}
