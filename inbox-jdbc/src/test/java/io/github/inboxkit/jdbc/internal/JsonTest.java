package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Property
    void stringsMapsAndListsSurviveARoundTrip(@ForAll @Size(max = 5) Map<String, @Size(max = 3) List<String>> value) {
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void numbersAndFlagsSurviveARoundTrip() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", new BigDecimal("-12.50"));
        value.put("vip", true);
        value.put("none", null);
        value.put("quote", "a \"b\" \\ c\n\u0001");
        assertThat(Json.parse(Json.write(value))).isEqualTo(value);
    }

    @Test
    void wholeNumbersReadBackAsExactDecimals() {
        Map<?, ?> parsed = (Map<?, ?>) Json.parse("{\"small\":3,\"large\":12345678901234567890123,\"plain\":1000}");
        assertThat(Json.decimal((Number) parsed.get("small"))).isEqualTo(new BigDecimal("3"));
        assertThat(Json.decimal((Number) parsed.get("large"))).isEqualTo(new BigDecimal("12345678901234567890123"));
        assertThat(Json.write(Map.of("n", new BigDecimal("1E+3")))).isEqualTo("{\"n\":1000}");
    }

    @Test
    void refusesTextThatIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    }
}
