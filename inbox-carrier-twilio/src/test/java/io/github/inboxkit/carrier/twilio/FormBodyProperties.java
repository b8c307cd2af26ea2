package io.github.inboxkit.carrier.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class FormBodyProperties {

    @Property
    @Label("F48 any pairs, repeats and empty values included, survive encoding and decoding unchanged and in order")
    void roundTrip(@ForAll @Size(min = 1, max = 8) List<@StringLength(min = 1, max = 12) String> names,
            @ForAll @Size(min = 1, max = 8) List<@StringLength(max = 20) String> values) {
        List<Map.Entry<String, String>> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            pairs.add(new SimpleImmutableEntry<>(names.get(i), values.get(i % values.size())));
        }
        assertThat(FormBody.decode(FormBody.encode(pairs).getBytes(StandardCharsets.US_ASCII))).isEqualTo(pairs);
    }

    @Example
    @Label("F48 characters other encoders leave unescaped are read as themselves")
    void lenientUnescaped() {
        assertThat(FormBody.decode("Body=a~b!c*(d)&Url=https://x.example/a?b=c".getBytes(StandardCharsets.US_ASCII)))
                .containsExactly(Map.entry("Body", "a~b!c*(d)"), Map.entry("Url", "https://x.example/a?b=c"));
    }

    @Example
    @Label("F48 bodies that are not a form are refused: empty, non-ASCII, control characters, bad escapes, invalid UTF-8, no name")
    void refused() {
        for (String body : List.of("", "a=1&", "=1", "a", "a=%2", "a=%zz", "a=%C3%28", "a=b c", "a=\u0000")) {
            assertThatThrownBy(() -> FormBody.decode(body.getBytes(StandardCharsets.ISO_8859_1))).as(body)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FormBody.decode(new byte[] {'a', '=', (byte) 0xC3, (byte) 0xA9}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
