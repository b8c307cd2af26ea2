package io.github.inboxkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.inboxkit.core.contact.CustomFieldValue;
import io.github.inboxkit.core.text.TextRepair;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CodecsTest {

    @Test
    @DisplayName("F17 custom fields written before numbers were bounded read back exactly, however long the number")
    void longNumbersReadBack() {
        Map<String, CustomFieldValue> fields = new LinkedHashMap<>();
        fields.put("digits", CustomFieldValue.number(new BigDecimal("9".repeat(1001))));
        fields.put("scaled", CustomFieldValue.number(new BigDecimal("1E-9999")));
        fields.put("fraction", CustomFieldValue.number(new BigDecimal("-1." + "5".repeat(5000))));

        assertThat(Codecs.readCustomFields(Codecs.writeCustomFields(fields))).isEqualTo(fields);
    }

    @Test
    @DisplayName("F17 a custom field value this version never writes is left out of the contact read, the others kept")
    void unreadableValuesAreLeftOut() {
        String edited = "{\"list\":[1,2],\"object\":{\"a\":1},\"none\":null,\"long\":\"" + "x".repeat(2001)
                + "\",\"kept\":\"yes\",\"n\":12.50}";

        assertThat(Codecs.readCustomFields(edited)).containsExactly(
                Map.entry("kept", CustomFieldValue.text("yes")),
                Map.entry("n", CustomFieldValue.number(new BigDecimal("12.50"))));
    }

    @Test
    @DisplayName("F34 text repairs are stored as fixed bits and read back")
    void textRepairsRoundTrip() {
        for (Set<TextRepair> repairs : Set.of(Set.<TextRepair>of(), Set.of(TextRepair.TRUNCATED),
                Set.of(TextRepair.MALFORMED_CHARACTERS_REPLACED), EnumSet.allOf(TextRepair.class))) {
            assertThat(Codecs.readTextRepairs(Codecs.writeTextRepairs(repairs))).isEqualTo(repairs);
        }
        assertThat(Codecs.writeTextRepairs(Set.of(TextRepair.MALFORMED_CHARACTERS_REPLACED))).isEqualTo(1);
        assertThat(Codecs.writeTextRepairs(Set.of(TextRepair.TRUNCATED))).isEqualTo(2);
    }
}
