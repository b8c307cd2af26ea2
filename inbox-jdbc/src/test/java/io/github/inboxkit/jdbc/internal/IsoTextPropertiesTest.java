package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.IntRange;

/** Property: the hot statements' text of an instant is that instant, in ISO 8601 with nine digits. */
class IsoTextPropertiesTest {

    @Property(tries = 3000)
    @Label("F32 an instant's text for the ingestion statement reads back as the same instant, years 0 to 9999")
    void readsBackAsTheInstant(@ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        Instant instant = Instant.ofEpochSecond(seconds, nanos);

        String text = JdbiRows.isoText(instant);

        assertThat(Instant.parse(text)).isEqualTo(instant);
        assertThat(text).hasSize(30).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
    }
}
